namespace InteractiveBackprop.Notebooks;
internal static class Program { private static int Main() => 0; }

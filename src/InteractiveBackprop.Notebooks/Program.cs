using InteractiveBackprop.Notebooks;

return await RunnerCommand.RunAsync(args, Console.Out, Console.Error);

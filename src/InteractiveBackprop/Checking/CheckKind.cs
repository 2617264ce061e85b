namespace InteractiveBackprop.Checking;

/// <summary>What a gradient check differentiated, which decides the loss its report
/// shows.</summary>
public enum CheckKind
{
    /// <summary>A layer, through L = Σ (R ⊙ Y) for a seeded random R = dY.</summary>
    Layer,

    /// <summary>A loss head's own scalar loss, in the prediction Y.</summary>
    LossHead,

    /// <summary>A scalar function of tensors.</summary>
    Function,
}

namespace InteractiveBackprop.Layers;

/// <summary>How <see cref="Linear.Create(int, int, int, Initialisation)"/> draws a weight.
/// </summary>
public enum Initialisation
{
    /// <summary>Xavier (Glorot) uniform, suited to tanh and sigmoid layers; see
    /// <see cref="Tensors.Tensor.Xavier"/>.</summary>
    Xavier,

    /// <summary>He (Kaiming) normal, suited to ReLU layers; see <see cref="Tensors.Tensor.He"/>.
    /// </summary>
    He,
}

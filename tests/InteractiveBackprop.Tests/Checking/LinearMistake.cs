namespace InteractiveBackprop.Tests.Checking;

/// <summary>The deliberate mistakes that <see cref="FaultyLinear"/> can make.</summary>
public enum LinearMistake
{
    None,
    WeightGradientOperandsSwapped,
    WeightGradientUsesOutput,
    WeightGradientAllZero,
    WeightGradientNull,
    WeightGradientNaN,
    WeightGradientTimesBatch,
    WeightGradientSignFlipped,
    BiasGradientMean,
    BiasGradientMeanTwice,
    BiasGradientNotReduced,
    BiasGradientWrongAxis,
    InputGradientDoubled,
    InputGradientTransposedWeight,
    InputGradientOneRowWrong,
    InputGradientTransposedResult,
}

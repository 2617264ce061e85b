namespace InteractiveBackprop.Tests.Checking;

/// <summary>The deliberate mistakes that <see cref="FaultyLinear"/> can make.</summary>
public enum LinearMistake
{
    None,
    WeightGradientOperandsSwapped,
    WeightGradientSwappedAndMean,
    WeightGradientUsesOutput,
    WeightGradientAllZero,
    WeightGradientNull,
    WeightGradientNaN,
    WeightGradientTimesBatch,
    WeightGradientSignFlipped,
    BiasGradientMean,
    BiasGradientMeanTwice,
    BiasGradientNegativeMean,
    BiasGradientNotReduced,
    BiasGradientWrongAxis,
    InputGradientDoubled,
    InputGradientTransposedWeight,
    InputGradientOneRowWrong,
    InputGradientTransposedResult,
}

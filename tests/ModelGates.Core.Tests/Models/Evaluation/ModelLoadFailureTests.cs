using System.Reflection;
using ModelGates.Models.Evaluation.Scoring;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>ML.NET's load failures become diagnostics that say what is missing.</summary>
public sealed class ModelLoadFailureTests
{
    [Fact]
    public void Missing_trainer_assembly_inside_nested_TargetInvocationExceptions_is_MG4011_naming_it()
    {
        // The shape ML.NET throws when a model's component assembly is not deployed.
        var missing = new FileNotFoundException(
            "Could not load file or assembly 'Microsoft.ML.FastTree, Version=1.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51'. The system cannot find the file specified.",
            "Microsoft.ML.FastTree, Version=1.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51");
        var thrown = new TargetInvocationException(new TargetInvocationException(new TargetInvocationException(missing)));

        var diagnostic = ModelLoadFailure.Explain(thrown, "model.zip");

        Assert.Equal("MG4011", diagnostic.Code);
        Assert.Contains("'Microsoft.ML.FastTree'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("model.zip", diagnostic.File);
    }

    [Fact]
    public void Other_load_failures_are_MG4010_with_the_innermost_message()
    {
        var diagnostic = ModelLoadFailure.Explain(new InvalidOperationException("outer", new InvalidDataException("End of Central Directory record could not be found.")), "m.zip");
        Assert.Equal("MG4010", diagnostic.Code);
        Assert.Contains("End of Central Directory", diagnostic.Message, StringComparison.Ordinal);
    }
}

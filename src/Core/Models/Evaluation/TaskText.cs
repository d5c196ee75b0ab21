using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation;

/// <summary>Text forms of <see cref="ModelTask"/> as written in modelgates.json, on the command line and in JSON.</summary>
public static class TaskText
{
    /// <summary>The lower-case name: binary, multiclass, regression.</summary>
    public static string ToText(ModelTask task) => task switch
    {
        ModelTask.Binary => "binary",
        ModelTask.Multiclass => "multiclass",
        _ => "regression",
    };

    /// <summary>Parses a name written by <see cref="ToText"/>.</summary>
    public static bool TryParse(string? text, out ModelTask task)
    {
        foreach (var candidate in Enum.GetValues<ModelTask>())
        {
            if (string.Equals(ToText(candidate), text, StringComparison.Ordinal))
            {
                task = candidate;
                return true;
            }
        }

        task = ModelTask.Binary;
        return false;
    }
}

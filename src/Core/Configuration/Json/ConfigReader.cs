using ModelGates.Diagnostics;

namespace ModelGates.Configuration.Json;

/// <summary>
/// Reads typed values out of a <see cref="ConfigNode"/> tree and records every problem as a
/// diagnostic at the offending line and column. Reading goes on after a problem, so one run
/// reports all mistakes in a file, not just the first.
/// </summary>
internal sealed class ConfigReader
{
    private readonly List<Diagnostic> diagnostics = [];

    /// <summary>Creates a reader for one file.</summary>
    /// <param name="file">The file name, as reported in diagnostics.</param>
    public ConfigReader(string file) => File = file;

    /// <summary>The file being read.</summary>
    public string File { get; }

    /// <summary>Every problem found so far.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    /// <summary>True when an error was found (warnings, such as a deprecated key, do not count).</summary>
    public bool HasErrors => diagnostics.Any(d => d.IsError);

    /// <summary>Records a diagnostic of <paramref name="descriptor"/> at <paramref name="position"/>.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourcePosition position, string message) =>
        diagnostics.Add(descriptor.Create(message) with { File = File, Line = position.Line, SourceColumn = position.Column });

    /// <summary>Records an MG0015 (invalid value) at <paramref name="node"/>.</summary>
    public void Invalid(ConfigNode node, string message) => Report(DiagnosticCatalog.InvalidValue, node.Position, message);

    /// <summary>Returns <paramref name="node"/> as an object, or records MG0013 and returns null.</summary>
    public ConfigObject? AsObject(ConfigNode node, string what) => As<ConfigObject>(node, what, "an object");

    /// <summary>
    /// Reports every key of <paramref name="obj"/> not in <paramref name="known"/> as MG0012, with the
    /// closest known key as a suggestion.
    /// </summary>
    public void CheckKeys(ConfigObject obj, string what, params string[] known)
    {
        foreach (var property in obj.Properties)
        {
            if (known.Contains(property.Name, StringComparer.Ordinal) || property.Name == "$schema")
            {
                continue;
            }

            var suggestion = DidYouMean.Suggest(property.Name, known);
            var hint = suggestion is null
                ? $" Known keys: {string.Join(", ", known)}."
                : $" Did you mean '{suggestion}'?";
            Report(DiagnosticCatalog.UnknownKey, property.NamePosition, $"Unknown key '{property.Name}' in {what}.{hint}");
        }
    }

    /// <summary>Reads an optional string property.</summary>
    public string? String(ConfigObject obj, string key, bool required = false) =>
        Property<ConfigString>(obj, key, "a string", required)?.Value;

    /// <summary>Reads an optional number property.</summary>
    public double? Number(ConfigObject obj, string key, bool required = false) =>
        Property<ConfigNumber>(obj, key, "a number", required)?.Value;

    /// <summary>Reads an optional whole-number property.</summary>
    public long? Integer(ConfigObject obj, string key, bool required = false)
    {
        var node = Property<ConfigNumber>(obj, key, "a whole number", required);
        if (node is null)
        {
            return null;
        }

        if (!node.IsInteger || Math.Abs(node.Value) > 9e15)
        {
            Report(DiagnosticCatalog.WrongType, node.Position, $"'{key}' must be a whole number, not {Scalar.Format(node.Value)}.");
            return null;
        }

        return (long)node.Value;
    }

    /// <summary>Reads an optional share: a number between 0 and 1.</summary>
    public double? Share(ConfigObject obj, string key)
    {
        var node = Property<ConfigNumber>(obj, key, "a number between 0 and 1", required: false);
        if (node is not null && node.Value is < 0 or > 1)
        {
            Invalid(node, $"'{key}' is a share and must be between 0 and 1, not {Scalar.Format(node.Value)}.");
            return null;
        }

        return node?.Value;
    }

    /// <summary>Reads an optional boolean property.</summary>
    public bool? Boolean(ConfigObject obj, string key, bool required = false) =>
        Property<ConfigBoolean>(obj, key, "true or false", required)?.Value;

    /// <summary>Reads an optional array of strings.</summary>
    public IReadOnlyList<string>? StringArray(ConfigObject obj, string key, bool required = false)
    {
        var array = Property<ConfigArray>(obj, key, "an array of strings", required);
        if (array is null)
        {
            return null;
        }

        var values = new List<string>(array.Items.Count);
        foreach (var item in array.Items)
        {
            if (As<ConfigString>(item, $"each item of '{key}'", "a string") is { } s)
            {
                values.Add(s.Value);
            }
        }

        return values;
    }

    /// <summary>Reads an optional array of numbers (JSON null items read as NaN).</summary>
    public IReadOnlyList<double>? NumberArray(ConfigObject obj, string key, bool required = false)
    {
        var array = Property<ConfigArray>(obj, key, "an array of numbers", required);
        if (array is null)
        {
            return null;
        }

        var values = new double[array.Items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = array.Items[i] switch
            {
                ConfigNumber n => n.Value,
                ConfigNull => double.NaN,
                var other => Mismatch(other),
            };
        }

        return values;

        double Mismatch(ConfigNode node)
        {
            Report(DiagnosticCatalog.WrongType, node.Position, $"Each item of '{key}' must be a number, not {node.TypeName}.");
            return double.NaN;
        }
    }

    /// <summary>Reads an optional array of whole numbers.</summary>
    public IReadOnlyList<long>? IntegerArray(ConfigObject obj, string key, bool required = false)
    {
        var array = Property<ConfigArray>(obj, key, "an array of whole numbers", required);
        if (array is null)
        {
            return null;
        }

        var values = new long[array.Items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (array.Items[i] is ConfigNumber { IsInteger: true } n)
            {
                values[i] = (long)n.Value;
            }
            else
            {
                Report(DiagnosticCatalog.WrongType, array.Items[i].Position, $"Each item of '{key}' must be a whole number, not {array.Items[i].TypeName}.");
            }
        }

        return values;
    }

    /// <summary>Reads an optional severity (<c>error</c>, <c>warning</c>, <c>info</c>).</summary>
    public Severity? SeverityValue(ConfigObject obj, string key = "severity")
    {
        var node = Property<ConfigString>(obj, key, "\"error\", \"warning\" or \"info\"", required: false);
        if (node is null)
        {
            return null;
        }

        if (!SeverityText.TryParse(node.Value, out var severity))
        {
            Invalid(node, $"'{key}' must be \"error\", \"warning\" or \"info\", not \"{node.Value}\".");
            return null;
        }

        return severity;
    }

    /// <summary>Returns the property node of type <typeparamref name="T"/>, recording MG0013/MG0014 problems.</summary>
    public T? Property<T>(ConfigObject obj, string key, string expected, bool required)
        where T : ConfigNode
    {
        var property = obj.Find(key);
        if (property is null)
        {
            if (required)
            {
                Report(DiagnosticCatalog.MissingKey, obj.Position, $"Missing required key '{key}'.");
            }

            return null;
        }

        return As<T>(property.Value, $"'{key}'", expected);
    }

    private T? As<T>(ConfigNode node, string what, string expected)
        where T : ConfigNode
    {
        if (node is T typed)
        {
            return typed;
        }

        Report(DiagnosticCatalog.WrongType, node.Position, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {expected}, not {node.TypeName}.");
        return null;
    }
}

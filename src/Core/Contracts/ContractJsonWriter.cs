using System.Text.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Output;

namespace ModelGates.Contracts;

/// <summary>Writes a contract as JSON in the shape <see cref="ContractReader"/> reads, deterministically.</summary>
public static class ContractJsonWriter
{
    /// <summary>The schema URL written as <c>$schema</c> so editors complete and check the file.</summary>
    internal const string SchemaUrl = "https://raw.githubusercontent.com/modelgates/modelgates/main/schema/contract.schema.json";

    /// <summary>The contract as UTF-8 JSON.</summary>
    public static byte[] Write(DataContract contract) => JsonWriterExtensions.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUrl);
        w.WriteNumber("schemaVersion", DataContract.CurrentSchemaVersion);
        if (contract.MinRows is not null || contract.MaxRows is not null)
        {
            w.WriteStartObject("rows");
            if (contract.MinRows is { } min)
            {
                w.WriteNumber("min", min);
            }

            if (contract.MaxRows is { } max)
            {
                w.WriteNumber("max", max);
            }

            w.WriteEndObject();
        }

        if (contract.AllowUnexpectedColumns)
        {
            w.WriteBoolean("allowUnexpectedColumns", true);
        }

        if (contract.MaxUnparsedRows > 0)
        {
            w.WriteNumber("maxUnparsedRows", contract.MaxUnparsedRows);
        }

        w.WriteStartObject("columns");
        foreach (var column in contract.Columns)
        {
            WriteColumn(w, column);
        }

        w.WriteEndObject();
        WriteKeysAndChecks(w, contract);
        w.WriteEndObject();
    });

    private static void WriteColumn(Utf8JsonWriter w, ColumnContract c)
    {
        w.WriteStartObject(c.Name);
        if (c.Type is { } type)
        {
            w.WriteString("type", type.ToText());
        }

        if (c.Format is { } format)
        {
            w.WriteString("format", format);
        }

        if (!c.Required)
        {
            w.WriteBoolean("required", false);
        }

        if (c.MaxMissingShare is { } missing)
        {
            w.WriteNumberOrNull("maxMissingShare", missing);
        }

        if (c.Min is { } min)
        {
            w.WriteNumberOrNull("min", min);
        }

        if (c.Max is { } max)
        {
            w.WriteNumberOrNull("max", max);
        }

        if (c.AllowedValues is { } allowed)
        {
            w.WriteStartArray("allowedValues");
            foreach (var value in allowed)
            {
                w.WriteStringValue(value);
            }

            w.WriteEndArray();
            if (c.MaxUnknownShare > 0)
            {
                w.WriteNumberOrNull("maxUnknownShare", c.MaxUnknownShare);
            }
        }

        if (c.Pattern is { } pattern)
        {
            w.WriteString("pattern", pattern);
        }

        if (c.MinLength is { } minLength)
        {
            w.WriteNumber("minLength", minLength);
        }

        if (c.MaxLength is { } maxLength)
        {
            w.WriteNumber("maxLength", maxLength);
        }

        if (c.Unique)
        {
            w.WriteBoolean("unique", true);
        }

        if (c.Pii is { } pii)
        {
            w.WriteString("pii", pii.ToString().ToLowerInvariant());
        }

        if (c.Sensitive)
        {
            w.WriteBoolean("sensitive", true);
        }

        if (c.Severity != Severity.Error)
        {
            w.WriteString("severity", c.Severity.ToText());
        }

        w.WriteEndObject();
    }

    private static void WriteKeysAndChecks(Utf8JsonWriter w, DataContract contract)
    {
        if (contract.UniqueKeys.Count > 0)
        {
            w.WriteStartArray("uniqueKeys");
            foreach (var key in contract.UniqueKeys)
            {
                w.WriteStartArray();
                key.Columns.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        if (contract.Checks.Count > 0)
        {
            w.WriteStartArray("checks");
            foreach (var check in contract.Checks)
            {
                w.WriteStartObject();
                w.WriteString("name", check.Name);
                w.WriteString(check.Sql is null ? "row" : "sql", check.Sql ?? check.Row);
                if (check.Severity != Severity.Error)
                {
                    w.WriteString("severity", check.Severity.ToText());
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }
}

using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>
/// Reads a contract file. Every unknown key, wrong type and impossible value is reported at its line
/// and column (MG0011–MG0016), all of them in one pass, and the contract is refused (exit code 2).
/// </summary>
public static class ContractReader
{
    private static readonly string[] TopKeys =
        ["schemaVersion", "description", "rows", "allowUnexpectedColumns", "maxUnparsedRows", "columns", "uniqueKeys", "checks", "read"];

    private static readonly string[] ColumnKeys =
    [
        "type", "format", "required", "maxMissingShare", "min", "max", "allowedValues", "maxUnknownShare",
        "pattern", "minLength", "maxLength", "unique", "severity", "description", "pii", "sensitive",
    ];

    /// <summary>Reads and checks the contract at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigurationException">The file is missing or wrong; all problems are reported.</exception>
    public static DataContract Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException(DiagnosticCatalog.FileNotFound.Create($"Contract '{path}' does not exist.") with { File = path });
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses contract text; <paramref name="file"/> names it in diagnostics.</summary>
    internal static DataContract Parse(string text, string file)
    {
        var root = ConfigJsonParser.Parse(text, file, out var syntax);
        if (root is null)
        {
            throw new ConfigurationException(syntax!);
        }

        var reader = new ConfigReader(file);
        var contract = Read(reader, root);
        if (reader.HasErrors || contract is null)
        {
            throw new ConfigurationException(reader.Diagnostics);
        }

        return contract with { File = file };
    }

    /// <summary>Reads a contract from an already parsed node (used by modelgates.json, which may embed one).</summary>
    internal static DataContract? Read(ConfigReader r, ConfigNode root)
    {
        if (r.AsObject(root, "the contract") is not { } obj)
        {
            return null;
        }

        r.CheckKeys(obj, "the contract", TopKeys);
        if (r.Integer(obj, "schemaVersion") is { } version && version != DataContract.CurrentSchemaVersion)
        {
            r.Report(DiagnosticCatalog.UnsupportedSchemaVersion, obj.Find("schemaVersion")!.Value.Position,
                $"Contract schema version {version} is not supported; this tool reads version {DataContract.CurrentSchemaVersion}.");
        }

        r.String(obj, "description");
        long? minRows = null;
        long? maxRows = null;
        if (r.Property<ConfigObject>(obj, "rows", "an object like {\"min\": 100}", required: false) is { } rows)
        {
            r.CheckKeys(rows, "'rows'", "min", "max");
            minRows = r.Integer(rows, "min");
            maxRows = r.Integer(rows, "max");
            if (minRows > maxRows)
            {
                r.Invalid(rows, $"'rows.min' ({minRows}) is larger than 'rows.max' ({maxRows}).");
            }
        }

        var columns = new List<ColumnContract>();
        if (r.Property<ConfigObject>(obj, "columns", "an object mapping column names to their rules", required: false) is { } declared)
        {
            foreach (var property in declared.Properties)
            {
                if (columns.Any(c => c.Name == property.Name))
                {
                    r.Report(DiagnosticCatalog.InvalidValue, property.NamePosition, $"Column '{property.Name}' is declared twice.");
                    continue;
                }

                if (r.AsObject(property.Value, $"the rules of column '{property.Name}'") is { } rules && ReadColumn(r, property, rules) is { } column)
                {
                    columns.Add(column);
                }
            }
        }

        return new DataContract
        {
            Columns = columns,
            AllowUnexpectedColumns = r.Boolean(obj, "allowUnexpectedColumns") ?? false,
            MinRows = minRows,
            MaxRows = maxRows,
            MaxUnparsedRows = NonNegative(r, obj, "maxUnparsedRows") ?? 0,
            UniqueKeys = ReadUniqueKeys(r, obj),
            Checks = ReadChecks(r, obj),
            Read = ReadOptions(r, obj, out var format),
            Format = format,
            KeyPositions = obj.Properties.ToDictionary(p => p.Name, p => p.NamePosition, StringComparer.Ordinal),
        };
    }

    private static ColumnContract? ReadColumn(ConfigReader r, ConfigProperty property, ConfigObject o)
    {
        r.CheckKeys(o, $"column '{property.Name}'", ColumnKeys);
        ValueType? type = null;
        if (r.String(o, "type") is { } typeText)
        {
            if (ValueTypes.TryParse(typeText, out var parsed))
            {
                type = parsed;
            }
            else
            {
                var suggestion = DidYouMean.Suggest(typeText, ValueTypes.Names);
                r.Invalid(o.Find("type")!.Value, $"Unknown type '{typeText}' for column '{property.Name}'; use one of {string.Join(", ", ValueTypes.Names)}.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}");
            }
        }

        var min = r.Number(o, "min");
        var max = r.Number(o, "max");
        if (min > max)
        {
            r.Invalid(o.Find("min")!.Value, $"'min' ({min}) is larger than 'max' ({max}) for column '{property.Name}'.");
        }

        var minLength = NonNegative(r, o, "minLength");
        var maxLength = NonNegative(r, o, "maxLength");
        if (minLength > maxLength)
        {
            r.Invalid(o.Find("minLength")!.Value, $"'minLength' ({minLength}) is larger than 'maxLength' ({maxLength}) for column '{property.Name}'.");
        }

        r.String(o, "description");
        PiiPolicy? pii = null;
        if (r.String(o, "pii") is { } piiText)
        {
            pii = piiText switch
            {
                "forbidden" => PiiPolicy.Forbidden,
                "allowed" => PiiPolicy.Allowed,
                "masked" => PiiPolicy.Masked,
                _ => null,
            };
            if (pii is null)
            {
                var suggestion = DidYouMean.Suggest(piiText, ["forbidden", "allowed", "masked"]);
                r.Invalid(o.Find("pii")!.Value, $"Unknown value '{piiText}' of 'pii' for column '{property.Name}'; use forbidden, allowed or masked.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}");
            }
        }

        return new ColumnContract
        {
            Name = property.Name,
            Position = property.NamePosition,
            Type = type,
            Format = r.String(o, "format"),
            Required = r.Boolean(o, "required") ?? true,
            MaxMissingShare = r.Share(o, "maxMissingShare"),
            Min = min,
            Max = max,
            AllowedValues = r.StringArray(o, "allowedValues"),
            MaxUnknownShare = r.Share(o, "maxUnknownShare") ?? 0,
            Pattern = r.String(o, "pattern"),
            MinLength = minLength,
            MaxLength = maxLength,
            Unique = r.Boolean(o, "unique") ?? false,
            Pii = pii,
            Sensitive = r.Boolean(o, "sensitive") ?? false,
            Severity = r.SeverityValue(o) ?? Severity.Error,
            RulePositions = o.Properties.ToDictionary(p => p.Name, p => p.NamePosition, StringComparer.Ordinal),
        };
    }

    private static List<UniqueKey> ReadUniqueKeys(ConfigReader r, ConfigObject obj)
    {
        var keys = new List<UniqueKey>();
        if (r.Property<ConfigArray>(obj, "uniqueKeys", "an array of column-name arrays", required: false) is { } array)
        {
            foreach (var item in array.Items)
            {
                if (item is ConfigArray { Items.Count: > 0 } names && names.Items.All(n => n is ConfigString))
                {
                    keys.Add(new UniqueKey(names.Items.Cast<ConfigString>().Select(n => n.Value).ToList(), item.Position));
                }
                else
                {
                    r.Report(DiagnosticCatalog.WrongType, item.Position, "Each unique key must be a non-empty array of column names, e.g. [\"customer_id\", \"date\"].");
                }
            }
        }

        return keys;
    }

    private static List<SqlCheck> ReadChecks(ConfigReader r, ConfigObject obj)
    {
        var checks = new List<SqlCheck>();
        if (r.Property<ConfigArray>(obj, "checks", "an array of checks", required: false) is not { } array)
        {
            return checks;
        }

        foreach (var item in array.Items)
        {
            if (r.AsObject(item, "a check") is not { } check)
            {
                continue;
            }

            r.CheckKeys(check, "a check", "name", "sql", "row", "severity", "description");
            var name = r.String(check, "name", required: true);
            var sql = r.String(check, "sql");
            var row = r.String(check, "row");
            r.String(check, "description");
            if ((sql is null) == (row is null))
            {
                r.Invalid(check, "A check needs exactly one of 'sql' (an aggregate that must be true) or 'row' (a condition every row must meet).");
                continue;
            }

            if (name is not null)
            {
                checks.Add(new SqlCheck(name, sql, row, r.SeverityValue(check) ?? Severity.Error, check.Position));
            }
        }

        return checks;
    }

    private static CsvOptions ReadOptions(ConfigReader r, ConfigObject obj, out DataFormat format)
    {
        format = DataFormat.Auto;
        if (r.Property<ConfigObject>(obj, "read", "an object of read options", required: false) is not { } read)
        {
            return new CsvOptions();
        }

        r.CheckKeys(read, "'read'", "format", "delimiter", "header", "quote", "escape", "nullStrings", "encoding", "skip");
        format = r.String(read, "format") switch
        {
            null => DataFormat.Auto,
            "csv" or "tsv" => DataFormat.Csv,
            "parquet" => DataFormat.Parquet,
            "jsonl" => DataFormat.JsonLines,
            var other => Unknown(other),
        };
        return new CsvOptions
        {
            Delimiter = r.String(read, "delimiter"),
            Header = r.Boolean(read, "header"),
            Quote = r.String(read, "quote"),
            Escape = r.String(read, "escape"),
            NullStrings = r.StringArray(read, "nullStrings"),
            Encoding = r.String(read, "encoding"),
            Skip = (int?)NonNegative(r, read, "skip"),
        };

        DataFormat Unknown(string value)
        {
            r.Invalid(read.Find("format")!.Value, $"Unknown data format '{value}'; use csv, tsv, parquet or jsonl.");
            return DataFormat.Auto;
        }
    }

    private static long? NonNegative(ConfigReader r, ConfigObject o, string key)
    {
        var value = r.Integer(o, key);
        if (value < 0)
        {
            r.Invalid(o.Find(key)!.Value, $"'{key}' must not be negative.");
            return null;
        }

        return value;
    }
}

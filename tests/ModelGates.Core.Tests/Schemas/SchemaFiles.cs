using Json.Schema;
using ModelGates.Testing;

namespace ModelGates.Tests.Schemas;

/// <summary>
/// The JSON Schemas under schema/, each loaded once: JsonSchema.Net registers a schema under its $id for the
/// whole process, and modelgates.schema.json refers to contract.schema.json by that id.
/// </summary>
internal static class SchemaFiles
{
    private static readonly Dictionary<string, JsonSchema> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static JsonSchema Get(string file)
    {
        lock (Gate)
        {
            if (file == "modelgates.schema.json")
            {
                Load("contract.schema.json");
            }

            return Load(file);
        }
    }

    private static JsonSchema Load(string file)
    {
        if (!Loaded.TryGetValue(file, out var schema))
        {
            Loaded[file] = schema = JsonSchema.FromText(File.ReadAllText(RepoPaths.Combine("schema", file)));
        }

        return schema;
    }
}

using System.Text;

namespace ModelGates.Configuration.Options;

/// <summary>The one rule that names an option everywhere: camelCase in JSON, the same words kebab-cased on the command line, PascalCase in C#.</summary>
internal static class OptionNames
{
    /// <summary>The command-line form of a JSON key: <c>effectThreshold</c> → <c>effect-threshold</c>.</summary>
    public static string Kebab(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder(key.Length + 4);
        foreach (var c in key)
        {
            if (char.IsUpper(c))
            {
                text.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>The C# form of a JSON key: <c>effectThreshold</c> → <c>EffectThreshold</c>.</summary>
    public static string Pascal(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return char.ToUpperInvariant(key[0]) + key[1..];
    }
}

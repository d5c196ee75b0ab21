namespace ModelGates.Quality.Privacy;

/// <summary>
/// Hints, from a column's name, that it holds a special category of personal data (GDPR art. 9): health, racial or
/// ethnic origin, religious or philosophical beliefs, sex life or sexual orientation, political opinions, trade union
/// membership, biometric and genetic data. A name is split into words (separators and camelCase) and a word (or two
/// adjacent words) is looked up; the lists are in docs/privacy.md#special-categories.
/// </summary>
internal static class SpecialCategories
{
    private static readonly (string Category, string[] Words)[] Hints =
    [
        ("health", ["health", "medical", "diagnosis", "diagnoses", "disease", "illness", "disability", "disabled", "patient", "prescription", "medication", "symptom", "symptoms", "pregnancy", "pregnant", "icd10", "hiv", "mental"]),
        ("ethnicity", ["ethnic", "ethnicity", "race", "racial"]),
        ("religion", ["religion", "religious", "faith", "church", "denomination"]),
        ("sexualOrientation", ["sexuality", "orientation", "sexual", "lgbt", "lgbtq"]),
        ("politicalOpinion", ["political", "politics", "vote", "voted", "voting"]),
        ("tradeUnion", ["trade union", "union member", "union membership", "unionized", "unionised", "labor union", "labour union"]),
        ("biometrics", ["biometric", "biometrics", "fingerprint", "fingerprints", "faceprint", "iris", "retina", "voiceprint"]),
        ("genetics", ["genetic", "genetics", "genome", "genomic", "dna", "gene", "genes", "genotype"]),
    ];

    /// <summary>The special category the name hints at (<c>health</c>, <c>ethnicity</c>, ...), or null.</summary>
    public static string? Hint(string columnName)
    {
        var words = Words(columnName);
        var pairs = words.Zip(words.Skip(1), (a, b) => a + " " + b).ToList();
        foreach (var (category, hints) in Hints)
        {
            if (hints.Any(h => h.Contains(' ', StringComparison.Ordinal) ? pairs.Contains(h, StringComparer.Ordinal) : words.Contains(h, StringComparer.Ordinal)))
            {
                return category;
            }
        }

        return null;
    }

    /// <summary>The lower-case words of a name: split at non-letters-or-digits and at lower-to-upper case changes.</summary>
    internal static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]))
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}

using System.Globalization;
using System.Numerics;
using System.Text;

namespace ModelGates.Testing;

/// <summary>
/// The credit sample (samples/CreditRisk/data/scoring.csv) with personal-data columns and their decoys added, one
/// value per row, from a seeded generator: real e-mails, phone numbers, Luhn-valid cards, mod-97-valid IBANs, IPs and
/// 11-test-valid BSNs, next to 16-digit numbers failing Luhn, e-mail-like strings without a domain, IBANs with a
/// wrong check and 9-digit numbers failing the 11-test; plus a special-category column (<c>HealthCondition</c>).
/// </summary>
internal sealed class PrivacyData
{
    /// <summary>The added columns holding personal data.</summary>
    public static readonly string[] PiiColumns = ["Email", "Phone", "Card", "Iban", "IpAddress", "Bsn"];

    /// <summary>The added decoy columns, which must not be flagged.</summary>
    public static readonly string[] DecoyColumns = ["AccountNumber", "Handle", "WrongIban", "CaseNumber"];

    private PrivacyData(string csv, Dictionary<string, List<string>> values)
    {
        Csv = csv;
        Values = values;
    }

    /// <summary>The CSV text (LF line ends).</summary>
    public string Csv { get; }

    /// <summary>The added columns' values, in row order.</summary>
    public IReadOnlyDictionary<string, List<string>> Values { get; }

    /// <summary>Every raw personal value that must never appear in an output (the special-category values included).</summary>
    public IEnumerable<string> RawPersonalValues => PiiColumns.Append("HealthCondition").SelectMany(c => Values[c]).Where(v => v.Length >= 6).Distinct();

    /// <summary>Builds the data from the credit sample with a fixed seed.</summary>
    public static PrivacyData Build(int seed = 20261207)
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("samples", "CreditRisk", "data", "scoring.csv")).Where(l => l.Length > 0).ToList();
        var random = new Random(seed);
        var added = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in PiiColumns.Concat(DecoyColumns).Append("HealthCondition"))
        {
            added[name] = [];
        }

        string[] first = ["anna", "bram", "chloe", "daan", "emma", "finn", "greta", "hugo", "iris", "jonas"];
        string[] conditions = ["diabetes type 2", "asthma bronchiale", "hypertension", "migraine chronic", "none reported"];
        var text = new StringBuilder(lines[0]).Append(',').Append(string.Join(',', added.Keys)).Append('\n');
        for (var i = 1; i < lines.Count; i++)
        {
            var name = first[random.Next(first.Length)];
            added["Email"].Add(string.Create(CultureInfo.InvariantCulture, $"{name}.{Digits(random, 4)}@mail{random.Next(9)}.example.com"));
            added["Phone"].Add("+31 6 " + (random.Next(1, 6)).ToString(CultureInfo.InvariantCulture) + Digits(random, 7));
            added["Card"].Add(WithLuhn("4" + Digits(random, 14)));
            added["Iban"].Add(Iban("NL", "ABNA" + Digits(random, 10)));
            added["IpAddress"].Add(string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}"));
            added["Bsn"].Add(Bsn(random, valid: true));
            var card = WithLuhn("4" + Digits(random, 14));
            added["AccountNumber"].Add(card[..^1] + ((card[^1] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture));
            added["Handle"].Add(name + "." + Digits(random, 3) + "@");
            var iban = Iban("NL", "ABNA" + Digits(random, 10));
            added["WrongIban"].Add(iban[..2] + ((int.Parse(iban[2..4], CultureInfo.InvariantCulture) + 1) % 100).ToString("00", CultureInfo.InvariantCulture) + iban[4..]);
            added["CaseNumber"].Add(Bsn(random, valid: false));
            added["HealthCondition"].Add(conditions[random.Next(conditions.Length)]);
            text.Append(lines[i]).Append(',').Append(string.Join(',', added.Keys.Select(k => added[k][^1]))).Append('\n');
        }

        return new PrivacyData(text.ToString(), added);
    }

    /// <summary>Every raw personal value found in <paramref name="output"/> (should be none).</summary>
    public List<string> LeaksIn(string output) => [.. RawPersonalValues.Where(v => output.Contains(v, StringComparison.Ordinal))];

    private static string Digits(Random random, int count)
    {
        var s = new char[count];
        for (var i = 0; i < count; i++)
        {
            s[i] = (char)('0' + random.Next(10));
        }

        return new string(s);
    }

    private static string WithLuhn(string body)
    {
        for (var d = 0; d <= 9; d++)
        {
            var candidate = body + d.ToString(CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < candidate.Length; i++)
            {
                var n = candidate[candidate.Length - 1 - i] - '0';
                if (i % 2 == 1)
                {
                    n = n * 2 > 9 ? (n * 2) - 9 : n * 2;
                }

                sum += n;
            }

            if (sum % 10 == 0)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static string Iban(string country, string bban)
    {
        var numeric = new StringBuilder();
        foreach (var c in bban + country + "00")
        {
            numeric.Append(char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture));
        }

        var check = 98 - (int)(BigInteger.Parse(numeric.ToString(), CultureInfo.InvariantCulture) % 97);
        return country + check.ToString("00", CultureInfo.InvariantCulture) + bban;
    }

    private static string Bsn(Random random, bool valid)
    {
        while (true)
        {
            var body = (char)('1' + random.Next(9)) + Digits(random, 7);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (9 - i) * (body[i] - '0');
            }

            var last = sum % 11;
            if (last == 10)
            {
                continue;
            }

            return body + (valid ? last : (last + 1) % 10).ToString(CultureInfo.InvariantCulture);
        }
    }
}

using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ModelGates.Sources;

/// <summary>
/// Keeps secrets out of every text ModelGates writes. A connection string's password (and the whole string) is
/// registered when the string is read from the environment; <see cref="Mask"/> then replaces each registered
/// value wherever it appears (a server may quote it back inside a message), and masks anything shaped like a
/// password even when it was never registered: <c>Password=</c> and <c>Pwd=</c> keys, and the password of a
/// <c>scheme://user:password@host</c> URI. The writers of diagnostics, results, reports and progress lines call
/// it last, so a secret that slips into a message is still not printed.
/// </summary>
public static partial class SecretMask
{
    /// <summary>What a masked secret reads as.</summary>
    internal const string Masked = "***";

    // Shorter values would mask ordinary words everywhere; such a password is no secret anyway (docs/config.md).
    private const int MinimumLength = 3;

    private static readonly ConcurrentDictionary<string, byte> Known = new(StringComparer.Ordinal);

    // Ordered longest first, so a password inside a registered connection string does not break the longer match.
    private static volatile string[] ordered = [];

    /// <summary>Registers a secret value that must never be printed.</summary>
    internal static void Register(string? secret)
    {
        if (secret is null || secret.Trim().Length < MinimumLength || !Known.TryAdd(secret, 0))
        {
            return;
        }

        // A secret may reach a file escaped: in a JSON string, or in HTML.
        foreach (var encoder in new[] { System.Text.Encodings.Web.JavaScriptEncoder.Default, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        {
            var json = System.Text.Json.JsonEncodedText.Encode(secret, encoder).ToString();
            if (!string.Equals(json, secret, StringComparison.Ordinal))
            {
                Known.TryAdd(json, 0);
            }
        }

        var html = System.Net.WebUtility.HtmlEncode(secret);
        if (!string.Equals(html, secret, StringComparison.Ordinal))
        {
            Known.TryAdd(html, 0);
        }

        ordered = [.. Known.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Registers a connection string and every password in it, read by pattern (a key or a URI's user info), so
    /// the password is masked even when the string cannot be parsed.
    /// </summary>
    internal static void RegisterConnectionString(string text)
    {
        Register(text);
        foreach (Match match in PasswordKey().Matches(text))
        {
            var value = match.Groups["value"].Value;
            Register(value);
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                Register(value[1..^1].Replace(new string(value[0], 2), value[0].ToString(), StringComparison.Ordinal));
            }
        }

        foreach (Match match in UriPassword().Matches(text))
        {
            Register(match.Groups["password"].Value);
            Register(Uri.UnescapeDataString(match.Groups["password"].Value));
        }
    }

    /// <summary>The text with every registered secret and every password-shaped value masked.</summary>
    public static string Mask(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in ordered)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Masked, StringComparison.Ordinal);
            }
        }

        if (text.Contains('=', StringComparison.Ordinal))
        {
            text = PasswordKey().Replace(text, m => m.Groups["key"].Value + "=" + Masked);
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            text = UriPassword().Replace(text, m => m.Groups["head"].Value + ":" + Masked + "@");
        }

        return text;
    }

    /// <summary>The text masked, or null.</summary>
    internal static string? MaskOrNull(string? text) => text is null ? null : Mask(text);

    // Npgsql's and ADO.NET's keys; a quoted value may hold semicolons.
    [GeneratedRegex("""(?<key>\b(?:password|pwd))\s*=\s*(?<value>"(?:[^"]|"")*"|'(?:[^']|'')*'|[^;\s]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordKey();

    [GeneratedRegex("""(?<head>\b[a-z][a-z0-9+.\-]*://[^:/?#@\s]*):(?<password>[^@/\s]*)@""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UriPassword();
}

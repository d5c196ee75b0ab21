using System.Text.RegularExpressions;
using ModelGates.Diagnostics;

namespace ModelGates.Sources;

/// <summary>
/// The one way a connection string is given: <c>env:NAME</c>, the environment variable that holds it. A config
/// file is committed and a command line is logged, so neither may hold the string itself.
/// </summary>
internal static partial class ConnectionStringReference
{
    /// <summary>The prefix that names a variable.</summary>
    public const string Prefix = "env:";

    /// <summary>The variable <paramref name="text"/> names, or null when it is not an <c>env:NAME</c> reference.</summary>
    public static string? Variable(string text) =>
        text.StartsWith(Prefix, StringComparison.Ordinal) && Name().IsMatch(text[Prefix.Length..]) ? text[Prefix.Length..] : null;

    /// <summary>
    /// What is wrong with a value that is not a reference. It never repeats the value: it may be the very secret
    /// that must not be printed. The value is also registered for masking, in case it was.
    /// </summary>
    public static string NotAReference(string connection, string text)
    {
        SecretMask.RegisterConnectionString(text);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            ? $"The connection string of '{connection}' must name an environment variable after 'env:' (letters, digits and '_', not starting with a digit)."
            : $"The connection string of '{connection}' is written out; connection strings hold passwords and are read only from the environment: write \"env:VARIABLE\" and set VARIABLE to the connection string.";
    }

    /// <summary>The connection string in the variable; MG0036 (exit code 2) when it is not set or empty.</summary>
    /// <exception cref="ConfigurationException">The variable is not set.</exception>
    public static string Read(ConnectionDeclaration connection)
    {
        var value = Environment.GetEnvironmentVariable(connection.Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationException(Missing(connection.Name, connection.Variable) with
            {
                File = connection.Location?.File,
                Line = connection.Location?.Line,
                SourceColumn = connection.Location?.Column,
            });
        }

        SecretMask.RegisterConnectionString(value);
        return value;
    }

    /// <summary>True when the variable holds a value.</summary>
    public static bool IsSet(string variable) => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable));

    /// <summary>MG0036 for a variable that is not set.</summary>
    public static Diagnostic Missing(string connection, string variable) =>
        DiagnosticCatalog.ConnectionVariableMissing.Create($"The environment variable '{variable}' that connection '{connection}' reads its connection string from is not set.");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}

namespace ModelGates.Configuration.Options;

/// <summary>What an option's value is, in JSON and on the command line.</summary>
public enum OptionType
{
    /// <summary>A string (JSON string; any text on the command line).</summary>
    Text,

    /// <summary>A finite number.</summary>
    Number,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>One of a fixed list of words.</summary>
    Choice,

    /// <summary>A list of names (JSON array of strings; comma-separated on the command line).</summary>
    List,

    /// <summary>True or false (JSON boolean; on the command line the option's presence).</summary>
    Flag,

    /// <summary>A label value: a JSON string, number or boolean, read as its text.</summary>
    Label,
}

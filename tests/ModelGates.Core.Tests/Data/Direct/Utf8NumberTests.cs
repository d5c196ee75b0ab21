using System.Globalization;
using System.Text;
using ModelGates.Data.Direct;
using ModelGates.Statistics;

namespace ModelGates.Tests.Data.Direct;

public sealed class Utf8NumberTests
{
    [Fact]
    public void Random_decimal_spellings_parse_to_the_correctly_rounded_double()
    {
        var random = new SeededRandom(17);
        for (var i = 0; i < 200_000; i++)
        {
            var text = RandomDecimal(random);

            Assert.True(Utf8Number.TryParse(Encoding.ASCII.GetBytes(text), out var value), text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("-.5")]
    [InlineData("3.1384")]
    [InlineData("-66.4379")]
    [InlineData("0.1")]
    [InlineData("9007199254740992")]
    [InlineData("9007199254740993")]
    [InlineData("900719925474099.3")]
    [InlineData("1234567890123456789")]
    [InlineData("0.0000000000000000001")]
    [InlineData("12345678901234567890")]
    [InlineData("1234567890.1234567890")]
    [InlineData("00000000000000000000000001.5")]
    public void Short_decimals_at_the_fast_paths_limits_parse_to_the_correctly_rounded_double(string text)
    {
        Assert.True(Utf8Number.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("e5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1_000")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    [InlineData("--1")]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("1e999")]
    [InlineData("1.2.3")]
    public void Other_spellings_are_refused(string text)
    {
        Assert.False(Utf8Number.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    private static string RandomDecimal(SeededRandom random)
    {
        var text = new StringBuilder();
        text.Append(random.NextInt64(3) switch { 0 => "-", 1 => "+", _ => string.Empty });
        var integerDigits = (int)random.NextInt64(25);
        var fractionDigits = (int)random.NextInt64(integerDigits == 0 ? 24 : 25) + (integerDigits == 0 ? 1 : 0);
        for (var i = 0; i < integerDigits; i++)
        {
            text.Append((char)('0' + random.NextInt64(10)));
        }

        if (fractionDigits > 0 || random.NextDouble() < 0.1)
        {
            text.Append('.');
            for (var i = 0; i < fractionDigits; i++)
            {
                text.Append((char)('0' + random.NextInt64(10)));
            }
        }

        if (random.NextDouble() < 0.4)
        {
            text.Append(random.NextDouble() < 0.5 ? 'e' : 'E');
            text.Append(random.NextInt64(3) switch { 0 => "-", 1 => "+", _ => string.Empty });
            text.Append(random.NextInt64(280).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}

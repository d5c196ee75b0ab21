using ModelGates.Sources;

namespace ModelGates.Core.Tests.Sources;

public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("Host=db;Username=ci;Password=hunter22;Database=dw", "Host=db;Username=ci;Password=***;Database=dw")]
    [InlineData("host=db; PWD = 'a;b' ;x=1", "host=db; PWD=*** ;x=1")]
    [InlineData("Password=\"q;\"\"uoted\";Host=db", "Password=***;Host=db")]
    [InlineData("see postgres://ci:s3cr%40t@db:5432/dw?sslmode=require", "see postgres://ci:***@db:5432/dw?sslmode=require")]
    [InlineData("postgresql://ci@db/dw has no password", "postgresql://ci@db/dw has no password")]
    [InlineData("a share of 0.5 = fine", "a share of 0.5 = fine")]
    public void Password_shaped_values_are_masked_even_when_never_registered(string text, string masked)
    {
        Assert.Equal(masked, SecretMask.Mask(text));
    }

    [Fact]
    public void A_registered_password_is_masked_wherever_it_appears()
    {
        SecretMask.Register("Tr0ub4dor-registered");

        var masked = SecretMask.Mask("server said: role \"Tr0ub4dor-registered\" does not exist; again Tr0ub4dor-registered");

        Assert.Equal("server said: role \"***\" does not exist; again ***", masked);
    }

    [Fact]
    public void Parsing_a_connection_string_registers_its_password_before_anything_can_fail()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Parse("Host=db;Password=parse-secret-1;Hots=x"));

        Assert.DoesNotContain("parse-secret-1", error.Message, StringComparison.Ordinal);
        Assert.Equal("a *** b", SecretMask.Mask("a parse-secret-1 b"));
    }

    [Fact]
    public void A_uri_is_read_into_npgsqls_keywords_and_its_password_registered()
    {
        var builder = PostgresConnectionString.Parse("postgresql://ci:uri%2Fsecret-2@db.internal:6543/dw?sslmode=disable&application_name=gate");

        Assert.Equal(("db.internal", 6543, "ci", "uri/secret-2", "dw", "gate"), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database, builder.ApplicationName));
        Assert.Equal(Npgsql.SslMode.Disable, builder.SslMode);
        Assert.Equal("db.internal:6543/dw", PostgresConnectionString.Describe(builder));
        Assert.Equal("x *** y", SecretMask.Mask("x uri/secret-2 y"));
    }

    [Fact]
    public void Values_too_short_to_be_secrets_do_not_mask_ordinary_text()
    {
        SecretMask.Register("ab");

        Assert.Equal("absolute", SecretMask.Mask("absolute"));
    }
}

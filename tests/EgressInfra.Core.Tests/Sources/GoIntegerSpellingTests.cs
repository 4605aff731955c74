using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Sources;

/// <summary>
/// Integers spelled the ways Go's yaml.v3 (the reader Pulumi deploys from) accepts: the value egressctl
/// checks must be the value Pulumi deploys, or a port that passes the check is another port in the cluster.
/// </summary>
public sealed class GoIntegerSpellingTests
{
    [Theory]
    [InlineData("443", 443L)]
    [InlineData("0120", 80L)]
    [InlineData("0773", 507L)]
    [InlineData("0o773", 507L)]
    [InlineData("0O120", 80L)]
    [InlineData("0x1BB", 443L)]
    [InlineData("0X1bb", 443L)]
    [InlineData("0b1010000", 80L)]
    [InlineData("4_43", 443L)]
    [InlineData("0_1_2_0", 80L)]
    [InlineData("+80", 80L)]
    [InlineData("-0x10", -16L)]
    [InlineData("0", 0L)]
    [InlineData("00", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void IntegersReadAsPulumiReadsThem(string text, long expected)
    {
        var node = Read(text);
        Assert.Equal(ScalarKind.Integer, node.Kind);
        Assert.Equal(expected, YamlTreeReader.ParseInteger(node.Text));
    }

    [Theory]
    [InlineData("0778", ScalarKind.Float)]
    [InlineData("443.0", ScalarKind.Float)]
    [InlineData("1e2", ScalarKind.Float)]
    [InlineData("0x", ScalarKind.String)]
    [InlineData("1-65535", ScalarKind.String)]
    [InlineData("2026-12-31", ScalarKind.String)]
    [InlineData("10.0.0.1", ScalarKind.String)]
    [InlineData("0b102", ScalarKind.String)]
    public void OtherSpellingsAreNotIntegers(string text, ScalarKind expected) =>
        Assert.Equal(expected, Read(text).Kind);

    [Fact]
    public void TooLargeForALongHasNoValue() =>
        Assert.Null(YamlTreeReader.ParseInteger("9223372036854775808"));

    private static ScalarNode Read(string text) =>
        (ScalarNode)((MappingNode)YamlTreeReader.ReadSingle($"v: {text}\n", "s.yaml").Root!)["v"]!;
}

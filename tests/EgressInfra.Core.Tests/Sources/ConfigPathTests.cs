using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Sources;

public class ConfigPathTests
{
    [Fact]
    public void Child_QuotesKeysThatAreNotIdentifiers()
    {
        Assert.Equal("egress.services", ConfigPath.Child("egress", "services"));
        Assert.Equal("labels[\"app.kubernetes.io/name\"]", ConfigPath.Child("labels", "app.kubernetes.io/name"));
    }

    [Fact]
    public void Parse_RoundTripsKeysAndIndices()
    {
        var segments = ConfigPath.Parse("egress.services[2].labels[\"a.b/c\"]");

        Assert.Equal(new object[] { "egress", "services", 2, "labels", "a.b/c" }, segments);
    }

    [Fact]
    public void Locate_StopsAtTheDeepestWrittenNode()
    {
        var root = YamlTreeReader.ReadSingle("egress:\n  services:\n    - name: a\n", "s.yaml").Root;

        var node = ConfigPath.Locate(root, "egress.services[0].resolution");

        Assert.Equal(3, node!.Location!.Line);
    }

    // People fix a collection or a missing value at its key, so that is the line reported.
    [Theory]
    [InlineData("egress.services", 2)]
    [InlineData("egress.services[0].name", 3)]
    [InlineData("egress.services[0].ports", 3)]
    [InlineData("egress.namespaces", 1)]
    public void LocateSource_PointsAtScalarsAndAtTheKeyOfCollectionsAndMissingValues(string path, int line)
    {
        var root = YamlTreeReader.ReadSingle("egress:\n  services:\n    - name: a\n", "s.yaml").Root;

        Assert.Equal(line, ConfigPath.LocateSource(root, path)!.Line);
    }
}

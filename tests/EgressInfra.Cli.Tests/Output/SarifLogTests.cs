using System.Text.Json;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Cli.Tests.Output;

public class SarifLogTests
{
    private static JsonElement Run(string sarif) => JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];

    [Theory]
    [InlineData("manifests/se.yaml", "manifests/se.yaml")]
    [InlineData("manifests\\se.yaml", "manifests/se.yaml")]
    [InlineData("./a b/se.yaml", "a%20b/se.yaml")]
    [InlineData("/abs/se.yaml", "file:///abs/se.yaml")]
    public void ArtifactUri_IsRelativeWithForwardSlashes(string path, string uri)
    {
        Assert.Equal(uri, SarifLog.ArtifactUri(path));
    }

    [Fact]
    public void Rules_AreTheCatalogWithDescriptionsAndLevels()
    {
        var rules = Run(SarifLog.ToJson([])).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Code), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, r =>
        {
            foreach (var key in new[] { "shortDescription", "fullDescription", "help" })
            {
                Assert.False(string.IsNullOrEmpty(r.GetProperty(key).GetProperty("text").GetString()), key);
            }

            Assert.Contains(r.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        });
    }

    [Fact]
    public void Result_PointsAtItsRuleAndLine()
    {
        var d = new Diagnostic(Severity.Warning, "EGR150", "m", "spec.x", "h", new SourceLocation("k8s/se.yaml", 4, 2), "ServiceEntry a/b");

        var run = Run(SarifLog.ToJson([d]));
        var result = run.GetProperty("results")[0];

        var index = result.GetProperty("ruleIndex").GetInt32();
        Assert.Equal("EGR150", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[index].GetProperty("id").GetString());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        Assert.Equal("m (spec.x in ServiceEntry a/b). Fix: h", result.GetProperty("message").GetProperty("text").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("k8s/se.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal((4, 2), (location.GetProperty("region").GetProperty("startLine").GetInt32(), location.GetProperty("region").GetProperty("startColumn").GetInt32()));
    }

    [Fact]
    public void ResultWithoutAFile_HasNoLocationsUnlessThereIsAFallback()
    {
        var d = new Diagnostic(Severity.Info, "EGR999", "m", string.Empty);

        var bare = Run(SarifLog.ToJson([d])).GetProperty("results")[0];
        var withFallback = Run(SarifLog.ToJson([d], "Pulumi.prod.yaml")).GetProperty("results")[0];

        Assert.Equal("note", bare.GetProperty("level").GetString());
        Assert.False(bare.TryGetProperty("locations", out _));
        Assert.False(bare.TryGetProperty("ruleIndex", out _));
        Assert.Equal(1, withFallback.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }
}

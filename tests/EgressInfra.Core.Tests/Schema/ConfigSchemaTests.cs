using System.Text.Json;
using System.Text.RegularExpressions;
using EgressInfra.Core.Config;
using EgressInfra.Core.Schema;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Schema;

/// <summary>The committed schemas are exactly what the generator makes from the binder, and they accept the shipped stacks.</summary>
public class ConfigSchemaTests
{
    private const string Regenerate = "regenerate with: dotnet run --project infra/EgressInfra.Cli -- schema --out schema";

    [Fact]
    public void CommittedEgressSchema_IsTheGeneratedOne()
    {
        Assert.True(ConfigSchema.Egress() == RepoPaths.ReadText("schema", ConfigSchema.EgressFileName), $"schema/{ConfigSchema.EgressFileName} is stale; {Regenerate}");
    }

    [Fact]
    public void CommittedStackSchema_IsTheGeneratedOne()
    {
        Assert.True(ConfigSchema.Stack() == RepoPaths.ReadText("schema", ConfigSchema.StackFileName), $"schema/{ConfigSchema.StackFileName} is stale; {Regenerate}");
    }

    [Fact]
    public void EveryKeyTheBinderReads_HasATypeAndADescription()
    {
        Assert.Empty(ConfigSchema.Undocumented());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void ShippedStack_UsesOnlyKeysAndValuesTheSchemaKnows(string stack)
    {
        var problems = Walk(RepoPaths.ReadText($"Pulumi.{stack}.yaml"));

        Assert.Empty(problems);
    }

    [Fact]
    public void MisspeltKeyOrWrongValue_IsCaughtByTheSchema()
    {
        var problems = Walk("""
            config:
              egress-infra:environment: qa
              egress-infra:egress:
                namespaces: [a]
                services:
                  - name: x
                    hots: [x.example.com]
                    ports: [{ number: "443", protocol: tlsx }]
            """);

        Assert.Contains(problems, p => p.StartsWith("config[\"egress-infra:environment\"]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'hots'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ports[0].number: expected integer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ports[0].protocol: matches no branch", StringComparison.Ordinal));
    }

    [Fact]
    public void ProtocolSchema_AcceptsEveryCasingTheBinderAccepts()
    {
        Assert.Empty(Walk(StackText.WithServices("""
            - name: x
              hosts: [x.example.com]
              ports: [{ number: 22, protocol: tcp }, { number: 443, protocol: Https }, { number: 80, protocol: grpc-web }]
            """)));
    }

    [Fact]
    public void Enums_AreExactlyTheSpellingsTheBinderAccepts()
    {
        using var egress = JsonDocument.Parse(ConfigSchema.Egress());
        var defs = egress.RootElement.GetProperty("$defs");

        Assert.Equal(Sorted(IstioNames.Protocols.Keys), Sorted(Enum(defs.GetProperty("protocol").GetProperty("anyOf")[0])));
        Assert.Equal(Sorted(IstioNames.Resolutions.Keys), Sorted(Enum(defs.GetProperty("service").GetProperty("properties").GetProperty("resolution"))));
        Assert.Equal(Sorted(IstioNames.Locations.Keys), Sorted(Enum(defs.GetProperty("service").GetProperty("properties").GetProperty("location"))));
        Assert.Equal(Sorted(IstioNames.OutboundPolicies.Keys), Sorted(Enum(egress.RootElement.GetProperty("properties").GetProperty("outboundTrafficPolicy"))));
    }

    [Theory]
    [InlineData("payments")]
    [InlineData("a")]
    [InlineData("a-1")]
    [InlineData("Payments")]
    [InlineData("-a")]
    [InlineData("a_b")]
    [InlineData("a.")]
    public void LabelPattern_AgreesWithTheKubernetesNameRule(string name)
    {
        var matches = Regex.IsMatch(name, SchemaKeys.Dns1123LabelPattern) && name.Length <= 63;

        Assert.Equal(KubernetesNames.IsDns1123Label(name), matches);
    }

    private static List<string> Walk(string stackText)
    {
        var tree = YamlTreeReader.ReadSingle(stackText, "t.yaml").Root!;
        using var stack = JsonDocument.Parse(ConfigSchema.Stack());
        using var egress = JsonDocument.Parse(ConfigSchema.Egress());
        var walker = new SchemaWalker(stack.RootElement, name => name == ConfigSchema.EgressFileName ? egress.RootElement : throw new ArgumentException(name));
        walker.Check(tree, string.Empty);
        return walker.Problems;
    }

    private static IEnumerable<string> Enum(JsonElement schema) =>
        schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!);

    private static List<string> Sorted(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];
}

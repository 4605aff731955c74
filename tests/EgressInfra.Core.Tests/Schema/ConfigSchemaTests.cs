using System.Text.Json;
using System.Text.RegularExpressions;
using EgressInfra.Core.Config;
using EgressInfra.Core.Presets;
using EgressInfra.Core.Profiles.Rules;
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
    public void PolicyProbeAndPresets_InEveryFormTheBinderTakes_AreKnownToTheSchema()
    {
        var text = """
            config:
              egress-infra:environment: dev
              egress-infra:policy:
                rules:
                  no-wildcard-hosts: advisory
                  egr310: mandatory
                maxIpv4Prefix: 28
                maxIpv6Prefix: 96
                waivers:
                  - { rule: no-wildcard-hosts, service: aws-sts, reason: TICKET-42, expires: 2099-12-31 }
              egress-infra:egress:
                namespaces: [payments]
                presets:
                  - google-cloud-storage
                  - name: aws-sts
                    region: eu-west-1
                    namespaces: [payments]
                    owner: team-payments
                    reason: IRSA tokens
              egress-infra:probe:
                enabled: "false"
                image: curlimages/curl:8.11.1
                deniedHost: example.org
                spoofAddress: 192.0.2.7
                timeoutSeconds: 10
                ttlSecondsAfterFinished: 3600
            """;

        Assert.Empty(StackText.Evaluate(text).Errors);
        Assert.Empty(Walk(text));
    }

    [Fact]
    public void MisspeltPolicyProbeOrPresetKeys_AndBadValues_AreCaughtByTheSchema()
    {
        var problems = Walk("""
            config:
              egress-infra:environment: dev
              egress-infra:policy:
                rules: { no-wildcard-hosts: optional }
                waivers:
                  - { rule: no-wildcard-hosts, service: partner-api, reason: TICKET-42, expires: 31.01.2027 }
                  - { rule: no-wildcard-hosts, service: partner-api, expires: 2027-01-31 }
              egress-infra:egress:
                namespaces: [payments]
                presets:
                  - pipy
                  - { name: aws-sts, regoin: eu-west-1 }
              egress-infra:probe:
                enabeld: true
                timeoutSeconds: "5"
            """);

        Assert.Contains(problems, p => p.StartsWith("config[\"egress-infra:policy\"].rules.no-wildcard-hosts: 'optional' is not in the enum", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("waivers[0].expires: '31.01.2027' does not match", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("waivers[1].reason: required by the schema but missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("presets[0]: matches 0 branches of oneOf", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("presets[1]: matches 0 branches of oneOf", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'enabeld'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("timeoutSeconds: expected integer", StringComparison.Ordinal));
    }

    [Fact]
    public void PresetNamesRuleIdsAndLevels_AreTheCatalogsAndTheBindersOwn()
    {
        using var egress = JsonDocument.Parse(ConfigSchema.Egress());
        using var stack = JsonDocument.Parse(ConfigSchema.Stack());
        var stackDefs = stack.RootElement.GetProperty("$defs");

        Assert.Equal(Sorted(PresetCatalog.Shipped.Presets.Select(p => p.Name)), Sorted(Enum(egress.RootElement.GetProperty("$defs").GetProperty("presetName"))));
        Assert.Equal(Sorted(EnforcementLevels.Names.Keys), Sorted(Enum(stackDefs.GetProperty("ruleLevel"))));
        var rules = stackDefs.GetProperty("policy").GetProperty("properties").GetProperty("rules").GetProperty("properties");
        Assert.Equal(Sorted(ProfileRules.All.Select(r => r.Id)), Sorted(rules.EnumerateObject().Select(p => p.Name)));
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

    [Theory]
    [InlineData("example.com")]
    [InlineData("a")]
    [InlineData("a-1.b-2.c")]
    [InlineData("Example.com")]
    [InlineData("example..com")]
    [InlineData(".example.com")]
    [InlineData("example.com.")]
    [InlineData("-a.com")]
    public void SubdomainPattern_AgreesWithTheKubernetesNameRule(string name)
    {
        var matches = Regex.IsMatch(name, SchemaKeys.Dns1123SubdomainPattern) && name.Length <= 253;

        Assert.Equal(KubernetesNames.IsDns1123Subdomain(name), matches);
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

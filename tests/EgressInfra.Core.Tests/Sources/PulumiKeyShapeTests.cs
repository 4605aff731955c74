using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Sources;

/// <summary>
/// Stack files read as Pulumi reads them (Go yaml.v3 and config.ParseKey): one key in two spellings,
/// tags that change a value, merge keys, and a stack's name that says another environment.
/// </summary>
public sealed class PulumiKeyShapeTests
{
    private const string Egress = """
          egress-infra:egress:
            namespaces: [payments]
            services:
              - name: stripe-api
                hosts: [api.stripe.com]
                ports: [{ number: 443, protocol: TLS }]
                owner: team-payments
                reason: Cards.
        """;

    [Theory]
    [InlineData("environment: dev", "egress-infra:environment: prod")]
    [InlineData("egress-infra:environment: prod", "environment: dev")]
    [InlineData("egress-infra:config:environment: dev", "egress-infra:environment: prod")]
    [InlineData("\"environment\": dev", "'egress-infra:environment': prod")]
    public void OneKeyInTwoSpellingsIsAnErrorNamingBothLines(string first, string second)
    {
        var text = $"config:\n  {first}\n  {second}\n{Egress}\n";
        var plan = EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.test.yaml"));
        var finding = Assert.Single(plan.Diagnostics, d => d.Code == ConfigCodes.ShadowedKey.Code);
        Assert.True(finding.IsError);
        Assert.Equal(3, finding.Location?.Line);
        Assert.Contains("line 2", finding.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", finding.Message, StringComparison.Ordinal);
        Assert.Null(plan.Manifests);
    }

    [Fact]
    public void ShadowedKeysInsideEgressAreTheYamlDuplicateRule()
    {
        var text = "config:\n  egress-infra:environment: prod\n  egress-infra:egress:\n    namespaces: [payments]\n    namespaces: [orders]\n";
        var plan = EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.test.yaml"));
        Assert.Contains(plan.Diagnostics, d => d.Code == ConfigCodes.DuplicateKey.Code && d.IsError);
    }

    [Theory]
    [InlineData("!!binary YXBpLnN0cmlwZS5jb20=")]
    [InlineData("!!timestamp 2001-12-14")]
    [InlineData("!custom api.stripe.com")]
    public void TagsThatChangeAValueAreRefused(string value)
    {
        var text = $"config:\n  egress-infra:environment: prod\n  egress-infra:egress:\n    namespaces: [payments]\n    services:\n      - name: a\n        hosts: [{value}]\n        ports: [{{ number: 443, protocol: TLS }}]\n        owner: t\n        reason: r\n";
        var plan = EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.test.yaml"));
        var finding = Assert.Single(plan.Diagnostics, d => d.Code == ConfigCodes.MeaningChangingTag.Code);
        Assert.Equal(7, finding.Location?.Line);
    }

    [Theory]
    [InlineData("!!str prod")]
    [InlineData("! prod")]
    public void CoreSchemaTagsAreHarmless(string value)
    {
        var text = $"config:\n  egress-infra:environment: {value}\n{Egress}\n";
        Assert.DoesNotContain(EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.test.yaml")).Diagnostics, d => d.Code == ConfigCodes.MeaningChangingTag.Code);
    }

    [Fact]
    public void MergeKeysApplyAsYamlV3DoesOwnKeysWin()
    {
        var text = """
            x-base: &base
              hosts: [api.evil.example]
              ports: [{ number: 443, protocol: TLS }]
              owner: team-payments
              reason: Cards.
            config:
              egress-infra:environment: prod
              egress-infra:egress:
                namespaces: [payments]
                services:
                  - <<: *base
                    name: stripe-api
                    hosts: [api.stripe.com]
            """;
        var plan = EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.test.yaml"));
        Assert.False(plan.Diagnostics.Any(d => d.IsError), string.Join("\n", plan.Diagnostics));
        var service = Assert.Single(plan.Config!.Egress.Services);
        Assert.Equal(["api.stripe.com"], service.Hosts);
        Assert.Equal(443, Assert.Single(service.Ports).Number);
    }

    [Fact]
    public void InAListOfMergesTheFirstWins()
    {
        var root = (MappingNode)YamlTreeReader.ReadSingle("a: &a { k: 1 }\nb: &b { k: 2, j: 3 }\nc:\n  <<: [*a, *b]\n", "t.yaml").Root!;
        var c = (MappingNode)root["c"]!;
        Assert.Equal("1", ((ScalarNode)c["k"]!).Text);
        Assert.Equal("3", ((ScalarNode)c["j"]!).Text);
    }

    [Fact]
    public void AQuotedMergeKeyIsAnOrdinaryKey()
    {
        var root = (MappingNode)YamlTreeReader.ReadSingle("a: &a { k: 1 }\nc:\n  '<<': *a\n", "t.yaml").Root!;
        var c = (MappingNode)root["c"]!;
        Assert.Null(c["k"]);
        Assert.NotNull(c["<<"]);
    }

    [Fact]
    public void AMergeOfAScalarIsAnError()
    {
        var doc = YamlTreeReader.ReadSingle("c:\n  <<: 5\n  k: 1\n", "t.yaml");
        Assert.Contains(doc.Problems, d => d.Code == ConfigCodes.WrongType.Code);
    }

    [Theory]
    [InlineData("Pulumi.prod.yaml", "dev", true)]
    [InlineData("Pulumi.production.yaml", "staging", true)]
    [InlineData("Pulumi.eu-prod.yaml", "dev", true)]
    [InlineData("Pulumi.staging.yaml", "dev", true)]
    [InlineData("Pulumi.dev.yaml", "prod", true)]
    [InlineData("Pulumi.prod.yaml", "prod", false)]
    [InlineData("Pulumi.sandbox.yaml", "dev", false)]
    [InlineData("Pulumi.producer.yaml", "dev", false)]
    public void AStackNamedForAnotherEnvironmentIsRefused(string file, string environment, bool refused)
    {
        var text = $"config:\n  egress-infra:environment: {environment}\n{Egress}\n";
        var plan = EgressPipeline.Evaluate(StackFile.Parse(text, file));
        Assert.Equal(refused, plan.Diagnostics.Any(d => d.Code == ConfigCodes.StackNameEnvironment.Code && d.IsError && d.Path == "environment"));
    }

    [Fact]
    public void ADeliberateMismatchIsAllowedButAProdNameKeepsTheProdFloor()
    {
        var text = $"config:\n  egress-infra:environment: dev\n  egress-infra:environmentOverride: prod\n  egress-infra:profile: permissive\n{Egress}\n";
        var plan = EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.prod.yaml"));
        Assert.DoesNotContain(plan.Diagnostics, d => d.Code == ConfigCodes.StackNameEnvironment.Code);
        Assert.Contains(plan.Diagnostics, d => d.Code == PolicyCodes.ProfileBelowFloor.Code && d.IsError);
    }

    [Fact]
    public void AProdNamedDevStackWithoutAProfileIsCheckedAsRestrictive()
    {
        var text = "config:\n  egress-infra:environment: dev\n  egress-infra:environmentOverride: prod\n  egress-infra:egress:\n    namespaces: [payments]\n    services:\n      - name: any\n        hosts: [\"*\"]\n        ports: [{ number: 443, protocol: TLS }]\n        owner: t\n        reason: r\n";
        var plan = EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.prod.yaml"));
        Assert.Contains(plan.Diagnostics, d => d.Code == PolicyCodes.NoWildcardHosts.Code && d.IsError);
    }
}

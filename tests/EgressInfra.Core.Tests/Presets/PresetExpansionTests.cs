using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Presets;
using EgressInfra.Core.Tests.Profiles;

namespace EgressInfra.Core.Tests.Presets;

/// <summary>egress.presets: each listed preset becomes ordinary services that every later stage judges.</summary>
public class PresetExpansionTests
{
    [Fact]
    public void BarePresetName_ExpandsToServicesForEveryGovernedNamespace()
    {
        var plan = PolicyStack.Check(environment: "dev", services: string.Empty, presets: "- pypi");

        var service = Assert.Single(plan.Config!.Egress.Services);
        Assert.Equal(("preset-pypi", "pypi", "egress.presets[0]"), (service.Name, service.Preset, service.SourcePath));
        Assert.Equal(["payments", "orders"], service.Namespaces);
        Assert.Equal(["."], service.ExportTo);
        Assert.Equal(2, plan.Manifests!.ServiceEntries.Count);
    }

    [Fact]
    public void PresetObject_CarriesNamespacesOwnerAndReasonIntoTheManifests()
    {
        var plan = PolicyStack.Check(environment: "dev", services: string.Empty, presets: "- { name: apt, namespaces: [orders], owner: team-orders, reason: apt-get in CI images }");

        Assert.Equal(["preset-apt-debian", "preset-apt-ubuntu"], plan.Config!.Egress.Services.Select(s => s.Name));
        Assert.All(plan.Manifests!.ServiceEntries, e =>
        {
            Assert.Equal("orders", e.Metadata.Namespace);
            Assert.Equal("apt", e.Metadata.Annotations[ManagedLabels.PresetAnnotation]);
            Assert.Equal("team-orders", e.Metadata.Annotations[ManagedLabels.OwnerAnnotation]);
        });
    }

    [Fact]
    public void RegionalPreset_FillsTheRegionIntoItsHosts()
    {
        var plan = PolicyStack.Check(presets: "- { name: aws-sts, region: eu-west-1, owner: team-a, reason: IRSA tokens }");

        PolicyAssert.Clean(plan);
        Assert.Contains(plan.Manifests!.ServiceEntries, e => e.Spec.Hosts.SequenceEqual(["sts.eu-west-1.amazonaws.com"]));
    }

    [Fact]
    public void UnknownPreset_IsAnErrorWithASuggestion()
    {
        var plan = PolicyStack.Check(presets: "- pyip");

        var finding = PolicyAssert.Finding(plan, "EGR340", "egress.presets[0]");
        Assert.Contains("Did you mean 'pypi'", finding.Hint, StringComparison.Ordinal);
        Assert.Equal(7, finding.Location?.Line);
    }

    [Fact]
    public void UnknownPresetInAnObject_IsReportedAtItsName()
    {
        PolicyAssert.Finding(PolicyStack.Check(presets: "- { name: rubygems }"), "EGR340", "egress.presets[0].name");
    }

    [Fact]
    public void PresetListedTwice_IsAnError()
    {
        PolicyAssert.Finding(PolicyStack.Check(environment: "dev", presets: "- pypi\n- { name: pypi }"), "EGR008", "egress.presets[1].name");
    }

    [Fact]
    public void PresetForAnUngovernedNamespace_IsAnError()
    {
        PolicyAssert.Finding(PolicyStack.Check(environment: "dev", presets: "- { name: pypi, namespaces: [billing] }"), "EGR009", "egress.presets[0].namespaces[0]");
    }

    [Theory]
    [InlineData("- { name: aws-sts }", "egress.presets[0]")]
    [InlineData("- { name: pypi, region: eu-west-1 }", "egress.presets[0].region")]
    [InlineData("- { name: aws-sts, region: \"eu-west-1.evil.example\" }", "egress.presets[0].region")]
    public void RegionMissingUnneededOrMalformed_IsAnError(string presets, string path)
    {
        PolicyAssert.Finding(PolicyStack.Check(environment: "dev", presets: presets), "EGR341", path);
    }

    [Fact]
    public void PresetServiceNameTakenByAHandWrittenService_IsAnError()
    {
        var plan = PolicyStack.Check(environment: "dev", presets: "- pypi", services: """
            - name: preset-pypi
              hosts: [pypi.example.internal]
              ports: [{ number: 443, protocol: TLS }]
            """);

        PolicyAssert.Finding(plan, "EGR008", "egress.presets[0]");
    }

    [Fact]
    public void UnknownPresetKey_IsAnErrorWithASuggestion()
    {
        var plan = PolicyStack.Check(environment: "dev", presets: "- { name: pypi, namespace: [orders] }");

        var finding = PolicyAssert.Finding(plan, "EGR003", "egress.presets[0].namespace");
        Assert.Contains("'namespaces'", finding.Hint, StringComparison.Ordinal);
    }

    // Every shipped preset builds valid entries: a dev stack listing each one has no error.
    public static TheoryData<string> AllPresets()
    {
        var data = new TheoryData<string>();
        foreach (var preset in PresetCatalog.Shipped.Presets)
        {
            data.Add(preset.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPresets))]
    public void EveryShippedPreset_ExpandsWithoutAnError(string name)
    {
        var region = PresetCatalog.Shipped.Find(name)!.NeedsRegion ? ", region: us-east-2" : string.Empty;
        var plan = PolicyStack.Check(environment: "dev", services: string.Empty, presets: $"- {{ name: {name}{region}, owner: team-a, reason: r }}");

        Assert.False(plan.HasErrors, plan.Dump());
        Assert.All(plan.Diagnostics, d => Assert.Equal("egress.presets[0]", d.Path));
        Assert.NotEmpty(plan.Manifests!.ServiceEntries);
        Assert.DoesNotContain(plan.Diagnostics, d => d.Severity == Severity.Error);
    }
}

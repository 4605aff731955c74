using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class SplitHostRuleTests
{
    private static readonly string Code = AnalysisCodes.SplitHost.Code;

    // The builder labels each service's entries with the service name, so Istio never merges them.
    private static ServiceEntry Labelled(ServiceEntry entry, string service) =>
        entry with { Metadata = entry.Metadata with { Labels = ValueMap.Of(("egress.example/service", service)) } };

    [Fact]
    public void HostInTwoEntriesWithDifferentPorts_ReportedAtTheHost()
    {
        var findings = Findings(
            Code,
            Labelled(Entry("vendor-https", hosts: ["cdn.vendor.com", "api.vendor.com"], ports: ["443/TLS"]), "vendor-https"),
            Labelled(Entry("vendor-http", hosts: ["api.vendor.com"], ports: ["80/HTTP"]), "vendor-http"));

        Assert.Equal(["spec.hosts[1]", "spec.hosts[0]"], findings.Select(f => f.Diagnostic.Path));
        Assert.Contains("ServiceEntry vendor-http in the same namespace (80/HTTP)", findings[0].Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HostInOneEntryWithAllPorts_OrCopiesWithSamePorts_Pass()
    {
        Assert.Empty(Findings(
            Code,
            Entry("vendor", hosts: ["api.vendor.com"], ports: ["443/TLS", "80/HTTP"]),
            Entry("other", hosts: ["www.vendor.com"], ports: ["80/HTTP"]),
            Entry("vendor", ns: "orders", hosts: ["api.vendor.com"], ports: ["80/HTTP", "443/TLS"], exportTo: ["*"])));
    }

    // canMergeServices: one namespace, resolution, labels, selector and exportTo; then the ports are unioned.
    [Fact]
    public void EntriesIstioMerges_Pass()
    {
        Assert.Empty(Findings(
            Code,
            Entry("https", hosts: ["api.vendor.com"], ports: ["443/TLS"]),
            Entry("http", hosts: ["api.vendor.com"], ports: ["80/HTTP"])));
    }

    // Each difference that stops the merge brings the finding back.
    [Theory]
    [InlineData("resolution")]
    [InlineData("exportTo")]
    [InlineData("labels")]
    [InlineData("port")]
    public void EntriesIstioDoesNotMerge_AreReported(string difference)
    {
        var other = Entry("http", hosts: ["api.vendor.com"], ports: [difference == "port" ? "443/TCP" : "80/HTTP"],
            resolution: difference == "resolution" ? "NONE" : "DNS", exportTo: difference == "exportTo" ? [".", "orders"] : null);
        other = difference == "labels" ? Labelled(other, "http") : other;

        var findings = Findings(Code, Entry("https", hosts: ["api.vendor.com"], ports: ["443/TLS"]), other);

        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void DifferentNamespacesExportedLocally_Pass()
    {
        Assert.Empty(Findings(
            Code,
            Entry("a", ns: "payments", hosts: ["api.vendor.com"], ports: ["443/TLS"]),
            Entry("b", ns: "orders", hosts: ["api.vendor.com"], ports: ["80/HTTP"])));
    }
}

using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class SplitHostRuleTests
{
    private static readonly string Code = AnalysisCodes.SplitHost.Code;

    [Fact]
    public void HostInTwoEntriesWithDifferentPorts_ReportedAtTheHost()
    {
        var findings = Findings(
            Code,
            Entry("vendor-https", hosts: ["cdn.vendor.com", "api.vendor.com"], ports: ["443/TLS"]),
            Entry("vendor-http", hosts: ["api.vendor.com"], ports: ["80/HTTP"]));

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

    [Fact]
    public void DifferentNamespacesExportedLocally_Pass()
    {
        Assert.Empty(Findings(
            Code,
            Entry("a", ns: "payments", hosts: ["api.vendor.com"], ports: ["443/TLS"]),
            Entry("b", ns: "orders", hosts: ["api.vendor.com"], ports: ["80/HTTP"])));
    }
}

using System.Diagnostics;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Validation.Istio;

public class ServiceEntryValidatorTests
{
    /// <summary>One entry per code that triggers it, so every documented code is known to be reachable.</summary>
    public static TheoryData<string, ServiceEntry> OneEntryPerCode => new()
    {
        { "EGR100", Se.Make(annotations: [("istio.io/dry-run", "true")]) },
        { "EGR101", Se.Make(annotations: [("internal.istio.io/parents", "x")]) },
        { "EGR102", Se.Make(resolution: "STATIC", selector: Se.Selector(("", "x"))) },
        { "EGR103", Se.Make(resolution: "STATIC", selector: Se.Selector(("app", "*"))) },
        { "EGR104", Se.Make(resolution: "STATIC", selector: Se.Selector()) },
        { "EGR105", Se.Make(resolution: "STATIC", selector: Se.Selector(("app", "x")), endpoints: [Se.Endpoint("10.0.0.1")]) },
        { "EGR106", Se.Make(hosts: []) },
        { "EGR107", Se.Make(hosts: ["*"], resolution: "NONE") },
        { "EGR108", Se.Make(hosts: ["https://x.com"], resolution: "NONE") },
        { "EGR109", Se.Make(hosts: ["*x.com"], resolution: "NONE") },
        { "EGR110", Se.Make(addresses: ["127.1"], resolution: "NONE") },
        { "EGR111", Se.Make(addresses: ["10.0.0.0/8"], resolution: "DNS") },
        { "EGR112", Se.Make(ports: [Se.Port(80, "HTTP", "p"), Se.Port(81, "HTTP", "p")]) },
        { "EGR113", Se.Make(ports: [Se.Port(80, "HTTP", "a"), Se.Port(80, "HTTP", "b")]) },
        { "EGR114", Se.Make(ports: [Se.Port(80, "HTTP", targetPort: 70000)]) },
        { "EGR115", Se.Make(resolution: "NONE", ports: [Se.Port(22, "TCP")]) },
        { "EGR116", Se.Make(ports: [Se.Port(80, "HTTP", "Bad_Name")]) },
        { "EGR117", Se.Make(ports: [Se.Port(80, "HBONE")]) },
        { "EGR118", Se.Make(ports: [Se.Port(0, "HTTP")]) },
        { "EGR119", Se.Make(resolution: null, endpoints: [Se.Endpoint("10.0.0.1")]) },
        { "EGR120", Se.Make(resolution: "NONE", selector: Se.Selector(("app", "x"))) },
        { "EGR121", Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint(null)]) },
        { "EGR122", Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint(null, network: "n1")]) },
        { "EGR123", Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint("unix://rel.sock")]) },
        { "EGR124", Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint("unix:///a.sock", [("tls-443", 1)])]) },
        { "EGR125", Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint("backend.example.com")]) },
        { "EGR126", Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint("10.0.0.1", [("http", 80)])]) },
        { "EGR127", Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint("10.0.0.1", [("tls-443", 0)])]) },
        { "EGR128", Se.Make(resolution: "DNS", endpoints: [Se.Endpoint("a.example.com", labels: [("-k", "v")])]) },
        { "EGR129", Se.Make(hosts: ["*.example.com"], resolution: "DNS") },
        { "EGR130", Se.Make(resolution: "DNS_ROUND_ROBIN", endpoints: [Se.Endpoint("a.example.com"), Se.Endpoint("b.example.com")]) },
        { "EGR131", Se.Make(resolution: "DNS", endpoints: [Se.Endpoint("a.example.com:443")]) },
        { "EGR132", Se.Make(hosts: ["a.com", "b.com"], addresses: ["10.0.0.1"], resolution: "DNS") },
        { "EGR133", Se.Make(hosts: [], resolution: "DYNAMIC_DNS") },
        { "EGR134", Se.Make(hosts: ["api.example.com"], resolution: "DYNAMIC_DNS") },
        { "EGR135", Se.Make(hosts: ["*.example.com"], addresses: ["10.0.0.1"], resolution: "DYNAMIC_DNS") },
        { "EGR136", Se.Make(hosts: ["*.example.com"], endpoints: [Se.Endpoint("10.0.0.1")], resolution: "DYNAMIC_DNS") },
        { "EGR137", Se.Make(hosts: ["*.example.com"], ports: [Se.Port(443, "HTTPS")], resolution: "DYNAMIC_DNS") },
        { "EGR138", Se.Make(hosts: ["*.example.com"], resolution: "DYNAMIC_DNS", location: "MESH_INTERNAL", labels: [("istio.io/use-waypoint", "wp")]) },
        { "EGR139", Se.Make(resolution: "dns") },
        { "EGR140", Se.Make(hosts: ["a.com", "b.com"], ports: [Se.Port(22, "TCP")], resolution: "STATIC") },
        { "EGR141", Se.Make(exportTo: [".", "."]) },
        { "EGR142", Se.Make(exportTo: ["a/b"]) },
        { "EGR143", Se.Make(exportTo: ["*", "."]) },
        { "EGR144", Se.Make(exportTo: ["~", "*"]) },
        { "EGR145", Se.Make(ports: [Se.Port(443, new string('x', 257), "p")]) },
        { "EGR146", Se.Make(ports: [Se.Port(443, "TLS", targetPort: 0)]) },
    };

    [Theory]
    [MemberData(nameof(OneEntryPerCode))]
    public void EveryCode_IsReportedWithItsCatalogSeverityAMessageAndAHint(string code, ServiceEntry entry)
    {
        var findings = Se.Check(entry);

        var finding = Assert.Single(findings, d => d.Code == code);
        Assert.Equal(DiagnosticCatalog.Find(code)!.DefaultSeverity, finding.Severity);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        Assert.False(string.IsNullOrWhiteSpace(finding.Hint));
        Assert.True(finding.Path.StartsWith("spec.", StringComparison.Ordinal) || finding.Path.StartsWith("metadata.", StringComparison.Ordinal), finding.Path);
        Assert.NotNull(ConfigPath.Parse(finding.Path));
    }

    [Fact]
    public void CodeTable_CoversTheWholeIstioFamily()
    {
        var covered = OneEntryPerCode.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(IstioCodes.All.Select(d => d.Code).Order(), covered.Order());
    }

    [Fact]
    public void WellFormedEntry_HasNoFindings()
    {
        Assert.Empty(Se.Check(Se.Make()));
        Assert.Empty(Se.Check(Se.Make(), IstioValidationOptions.Analyze));
    }

    [Fact]
    public void NullOptions_MeanTheDefaults()
    {
        var entry = Se.Make(resolution: "NONE", ports: [Se.Port(22, "TCP", targetPort: 0)]);

        Assert.Equal(Se.Findings(entry, IstioValidationOptions.Default), Se.Findings(entry));
    }

    // An unknown resolution is reported, and the rules that do not depend on it still run, as in Istio.
    [Fact]
    public void UnknownResolution_StillChecksTheRest()
    {
        var entry = Se.Make(hosts: ["a.com", "b.com"], resolution: "Dns", ports: [Se.Port(22, "TCP")], exportTo: ["~", "."]);

        Assert.Equal(["EGR139", "EGR140", "EGR144"], Se.Codes(entry));
    }

    // Every rule at once: the findings come in Istio's order and each rule reports where it applies.
    [Fact]
    public void BrokenEntry_ReportsEveryProblemInIstiosOrder()
    {
        var entry = Se.Make(
            hosts: ["a.com", "b*.com"],
            addresses: ["10.0.0.0/8"],
            ports: [Se.Port(22, "SCTP", "ssh"), Se.Port(22, "TCP", "ssh")],
            resolution: "DNS",
            endpoints: [Se.Endpoint("a.com:22")],
            exportTo: ["*", "x_y"]);

        Assert.Equal(
            [
                "EGR108 spec.hosts[1]", "EGR109 spec.hosts[1]", "EGR111 spec.addresses[0]", "EGR117 spec.ports[0].protocol",
                "EGR112 spec.ports[1].name", "EGR113 spec.ports[1].number", "EGR131 spec.endpoints[0].address",
                "EGR132 spec.hosts", "EGR140 spec.ports[0].protocol", "EGR142 spec.exportTo[1]", "EGR143 spec.exportTo",
            ],
            Se.Findings(entry));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void ShippedStacks_HaveNoIstioFindings(string stack)
    {
        var plan = EgressPipeline.Evaluate(StackFile.Parse(RepoPaths.ReadText($"Pulumi.{stack}.yaml"), $"Pulumi.{stack}.yaml"));

        Assert.DoesNotContain(plan.Diagnostics, d => d.Code.StartsWith("EGR1", StringComparison.Ordinal));
    }

    // The pipeline maps manifest paths to config paths and lines, and reports a finding shared by
    // the entries of several namespaces once.
    [Fact]
    public void Pipeline_ReportsIstioFindingsAtTheConfigPathAndLine()
    {
        var text = StackText.WithServices("""
            - name: api
              hosts: [a.example.com, "https://b.example.com/v1"]
              ports:
                - { number: 443, protocol: TLS }
            """);

        var plan = StackText.Evaluate(text);

        var finding = Assert.Single(plan.Diagnostics, d => d.Code == "EGR108");
        Assert.Equal("egress.services[0].hosts[1]", finding.Path);
        Assert.NotNull(finding.Location);
        Assert.Contains("b.example.com", finding.Hint, StringComparison.Ordinal);
        Assert.True(plan.HasErrors);
    }

    // The validator runs on every entry of a plan; 10,000 entries must stay well under a second or two.
    [Fact]
    public void Validate_IsFastOnManyEntries()
    {
        var entries = Enumerable.Range(0, 10_000)
            .Select(i => Se.Make(
                hosts: [$"h{i}.example.com", $"*.w{i}.example.com"],
                addresses: [$"10.{i % 250}.0.0/16"],
                ports: [Se.Port(443, "TLS"), Se.Port(80, "HTTP")],
                resolution: "NONE",
                exportTo: [".", "orders"]))
            .ToList();
        _ = Se.Check(entries[0]);

        var watch = Stopwatch.StartNew();
        var count = 0;
        foreach (var entry in entries)
        {
            count += ServiceEntryValidator.Validate(entry).Count();
        }

        watch.Stop();
        Assert.Equal(0, count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"10,000 entries took {watch.Elapsed}");
    }
}

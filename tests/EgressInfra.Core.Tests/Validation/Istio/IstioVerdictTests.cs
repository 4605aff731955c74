using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Validation.Istio;

namespace EgressInfra.Core.Tests.Validation.Istio;

/// <summary>
/// Whole-entry verdicts (denied? warned?) for situations that Istio's own TestValidateServiceEntries
/// covers, so the validator agrees with istiod on the outcome and not only rule by rule.
/// </summary>
public class IstioVerdictTests
{
    private static readonly ServicePort[] HttpPorts = [Se.Port(80, "http", "http-valid1"), Se.Port(8080, "http", "http-valid2")];

    public static TheoryData<string, ServiceEntry, bool, bool> Cases => new()
    {
        { "DNS, one host, address, https port", Se.Make(hosts: ["httpbin.org"], addresses: ["10.10.10.10"], ports: [.. HttpPorts, Se.Port(443, "https")]), true, false },
        { "DNS, two hosts, address, https port", Se.Make(hosts: ["httpbin.org", "wikipedia.org"], addresses: ["10.10.10.10"], ports: [.. HttpPorts, Se.Port(443, "https")]), true, true },
        { "DNS, wildcard host, address and FQDN endpoints", Se.Make(hosts: ["*.google.com"], addresses: ["10.10.10.10"], ports: HttpPorts, endpoints: [Se.Endpoint("lon.google.com", [("http-valid1", 8080)]), Se.Endpoint("in.google.com", [("http-valid2", 9080)])]), true, false },
        { "DNS, IP and FQDN endpoints", Se.Make(hosts: ["*.google.com"], ports: HttpPorts, endpoints: [Se.Endpoint("1.1.1.1", [("http-valid1", 8080)]), Se.Endpoint("in.google.com", [("http-valid2", 9080)])]), true, false },
        { "DNS, short host, no endpoints", Se.Make(hosts: ["google"], ports: HttpPorts), true, false },
        { "STATIC, CIDR with host bits, endpoints", Se.Make(hosts: ["google.com"], addresses: ["172.1.2.16/16"], ports: HttpPorts, resolution: "STATIC", endpoints: [Se.Endpoint("1.1.1.1", [("http-valid1", 8080)]), Se.Endpoint("2.2.2.2", [("http-valid2", 9080)])]), true, false },
        { "STATIC, FQDN endpoint", Se.Make(hosts: ["google.com"], ports: HttpPorts, resolution: "STATIC", endpoints: [Se.Endpoint("google.com")]), false, false },
        { "STATIC, no endpoints", Se.Make(hosts: ["google.com"], ports: HttpPorts, resolution: "STATIC"), true, false },
        { "DNS, same targetPort twice", Se.Make(hosts: ["google.com"], ports: [Se.Port(80, "http", "a", 80), Se.Port(81, "http", "b", 80)]), true, false },
        { "NONE, selector, targetPort", Se.Make(hosts: ["google.com"], resolution: null, selector: Se.Selector(("key", "bar")), ports: [Se.Port(80, "http", "a", 1234)]), true, true },
        { "NONE, one port without protocol", Se.Make(hosts: ["google.com"], resolution: "NONE", ports: [Se.Port(80, "http", "a"), Se.Port(8080, null, "b")]), true, true },
        { "NONE, partial wildcard host", Se.Make(hosts: ["*.nytimes.com", "*washingtonpost.com"], resolution: "NONE", ports: [Se.Port(443, "HTTPS")]), true, true },
        { "STATIC, endpoint with network only", Se.Make(hosts: ["www.example.com"], resolution: "STATIC", ports: [Se.Port(443, "HTTPS")], endpoints: [Se.Endpoint(null, network: "cluster-1")]), true, true },
        { "DNS, unix endpoint", Se.Make(hosts: ["google.com"], ports: [Se.Port(80, "http")], endpoints: [Se.Endpoint("unix:///a.sock")]), false, false },
        { "DYNAMIC_DNS, TCP port", Se.Make(hosts: ["*.google.com"], resolution: "DYNAMIC_DNS", ports: [Se.Port(80, "TCP")]), false, false },
        { "DNS, selector without labels", Se.Make(hosts: ["google.com"], ports: [Se.Port(80, "http")], selector: Se.Selector()), true, true },
        { "DYNAMIC_DNS, MESH_INTERNAL", Se.Make(hosts: ["*.google.com"], resolution: "DYNAMIC_DNS", location: "MESH_INTERNAL", ports: [Se.Port(80, "http")]), true, false },
        { "DYNAMIC_DNS, two wildcard hosts", Se.Make(hosts: ["*.google.com", "*.example.com"], resolution: "DYNAMIC_DNS", ports: [Se.Port(80, "http")]), true, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verdict_MatchesIstio(string situation, ServiceEntry entry, bool admitted, bool warned)
    {
        var findings = Se.Check(entry, IstioValidationOptions.Analyze);

        Assert.True(admitted == !findings.Any(d => d.IsError), $"{situation}: {string.Join("; ", findings)}");
        Assert.True(warned == findings.Any(d => d.Severity == Severity.Warning), $"{situation}: {string.Join("; ", findings)}");
    }
}

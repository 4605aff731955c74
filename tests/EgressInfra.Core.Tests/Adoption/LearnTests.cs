using EgressInfra.Core.Config;
using EgressInfra.Core.Fragments;
using EgressInfra.Core.Learn;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Adoption;

public class LearnTests
{
    // Lines as Istio's default TEXT format writes them (pilot/pkg/model/telemetry_logging.go, EnvoyTextLogFormat).
    private const string TlsPassthrough = """[2026-11-20T10:00:00.000Z] "- - -" 0 - - - "-" 1024 4096 120 - "-" "-" "-" "-" "54.187.174.169:443" PassthroughCluster 10.1.0.5:40312 54.187.174.169:443 10.1.0.5:40310 api.stripe.com -""";
    private const string TlsPassthroughLater = """[2026-11-20T12:30:00.000Z] "- - -" 0 - - - "-" 1024 4096 120 - "-" "-" "-" "-" "54.187.174.170:443" PassthroughCluster 10.1.0.5:40313 54.187.174.170:443 10.1.0.5:40311 api.stripe.com -""";
    private const string HttpPassthrough = """[2026-11-20T10:06:00.000Z] "GET /simple/requests/ HTTP/1.1" 200 - via_upstream - "-" 0 1234 50 49 "-" "pip/24.0 (python 3.12; linux)" "7f4c" "pypi.org" "151.101.0.223:80" PassthroughCluster 10.1.0.5:40000 151.101.0.223:80 10.1.0.5:39999 - allow_any""";
    private const string Ipv6BlackHole = """[2026-11-20T10:07:00.000Z] "- - -" 0 UH - - "-" 0 0 0 - "-" "-" "-" "-" "-" BlackHoleCluster - [2001:db8::10]:443 [fd00::5]:5000 - -""";
    private const string SniLessTls = """[2026-11-20T10:08:00.000Z] "- - -" 0 - - - "-" 517 3120 35 - "-" "-" "-" "-" "203.0.113.7:8443" PassthroughCluster 10.1.0.5:41000 203.0.113.7:8443 10.1.0.5:40999 - -""";
    private const string Known = """[2026-11-20T10:09:00.000Z] "- - -" 0 - - - "-" 10 10 1 - "-" "-" "-" "-" "10.42.8.15:5432" outbound|5432||orders-db.prod.internal 10.1.0.5:1 10.42.8.15:5432 10.1.0.5:2 - -""";
    private const string EnvoyOwnLog = "2026-11-20T10:07:01.000000Z\tinfo\tenvoy upstream\tcds: added/updated 3 cluster(s)";

    private const string JsonBlackHoleSni = """{"start_time":"2026-11-21T09:00:00.000Z","upstream_cluster":"BlackHoleCluster","authority":null,"requested_server_name":"api.sendgrid.com","downstream_local_address":"149.72.1.1:443","protocol":null,"response_code":0,"route_name":null}""";
    private const string JsonBlackHoleHttp = """{"start_time":"2026-11-21T09:01:00.000Z","upstream_cluster":"BlackHoleCluster","authority":"hooks.example.com:8080","requested_server_name":null,"downstream_local_address":"93.184.216.34:8080","protocol":"HTTP/1.1","response_code":502,"route_name":"block_all"}""";

    private static LearnResult Learn(string ns, params string[] lines) => TrafficLearner.Learn([new LogSource("proxy.log", ns, lines)]);

    [Fact]
    public void TextFormat_PassthroughBySni_CountsAndFirstLastSeen()
    {
        var result = Learn("payments", TlsPassthrough, TlsPassthroughLater);

        var stripe = Assert.Single(result.Destinations);
        Assert.Equal(("payments", "api.stripe.com", 443, ServiceProtocol.Tls), (stripe.Namespace, stripe.Host, stripe.Port, stripe.Protocol));
        Assert.Equal(2, stripe.Passthrough);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), stripe.FirstSeen);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 30, 0, TimeSpan.Zero), stripe.LastSeen);
    }

    [Fact]
    public void TextFormat_HttpByAuthority_Ipv6ByAddress_SniLessTlsByAddress()
    {
        var result = Learn("payments", HttpPassthrough, Ipv6BlackHole, SniLessTls);

        Assert.Contains(result.Destinations, d => d.Host == "pypi.org" && d.Port == 80 && d.Protocol == ServiceProtocol.Http);
        var v6 = Assert.Single(result.Destinations, d => d.Address == "2001:db8::10");
        Assert.Equal((443, 1, ServiceProtocol.Tcp), (v6.Port, v6.BlackHole, v6.Protocol));
        var sniLess = Assert.Single(result.Destinations, d => d.Address == "203.0.113.7");
        Assert.Equal((8443, ServiceProtocol.Tcp, (string?)null), (sniLess.Port, sniLess.Protocol, sniLess.Host));
    }

    [Fact]
    public void JsonFormat_BlackHoleBySniAndByAuthority()
    {
        var result = Learn("orders", JsonBlackHoleSni, JsonBlackHoleHttp);

        Assert.Contains(result.Destinations, d => d.Host == "api.sendgrid.com" && d.Port == 443 && d.BlackHole == 1 && d.Protocol == ServiceProtocol.Tls);
        Assert.Contains(result.Destinations, d => d.Host == "hooks.example.com" && d.Port == 8080 && d.Protocol == ServiceProtocol.Http);
    }

    [Theory]
    [InlineData(EnvoyOwnLog)]
    [InlineData("{\"broken json")]
    [InlineData("[2026-11-20T10:00:00.000Z] \"- - -\" 0 - - -")]
    [InlineData("[2026-11-20T10:00:00.000Z] \"unterminated")]
    [InlineData("{\"upstream_cluster\":\"PassthroughCluster\",\"downstream_local_address\":\"not-an-address\"}")]
    [InlineData("[]")]
    public void MalformedLines_AreCountedAndSkipped(string line)
    {
        var result = Learn("payments", TlsPassthrough, line, Known);

        Assert.Equal(1, result.MalformedCount);
        Assert.Equal(2, Assert.Single(result.Malformed).Location!.Line);
        Assert.Single(result.Destinations);
        Assert.Equal(1, result.OtherClusters);
    }

    [Fact]
    public void Proposal_IsAFragmentTheIncludeReads_AndSaysWhatRestrictiveRefuses()
    {
        var result = Learn("payments", TlsPassthrough, HttpPassthrough, SniLessTls);
        var services = FragmentProposal.Services(result.Destinations);
        var text = FragmentProposal.Write(services, result, "team-payments");

        Assert.Contains(services.Single(s => s.Host == "pypi.org").Refusals, r => r.StartsWith("EGR302", StringComparison.Ordinal));
        Assert.Contains(services.Single(s => s.Host == "pypi.org").Refusals, r => r.StartsWith("EGR306", StringComparison.Ordinal));
        Assert.Empty(services.Single(s => s.Host == "api.stripe.com").Refusals);
        Assert.Contains("# REFUSED by the restrictive profile: EGR302", text, StringComparison.Ordinal);

        const string stack = """
            config:
              egress-infra:environment: dev
              egress-infra:egress:
                namespaces: [payments]
                include: [learned.yaml]
            """;
        var project = new InMemoryProjectFiles(new Dictionary<string, string> { ["learned.yaml"] = text });
        var plan = EgressPipeline.Evaluate(FragmentResolver.Resolve(StackFile.Parse(stack, "Pulumi.dev.yaml"), project));
        Assert.DoesNotContain(plan.Diagnostics, d => d.IsError);
        Assert.Equal(3, plan.Config!.Egress.Services.Count);
        Assert.All(plan.Config.Egress.Services, s => Assert.Equal("team-payments", s.Owner));
        Assert.Contains(plan.Config.Egress.Services, s => s.Addresses.Contains("203.0.113.7"));
    }

    [Fact]
    public void AgainstAStack_OnlyWhatItDoesNotAllowYetIsAdded()
    {
        var stack = EgressPipeline.Evaluate(StackFile.Parse(TestSupport.RepoPaths.ReadText("Pulumi.prod.yaml"), "Pulumi.prod.yaml")).Config!;
        var result = Learn("payments", TlsPassthrough, HttpPassthrough);

        var missing = LearnedAdditions.NotAllowed(stack, result.Destinations);

        Assert.Equal("pypi.org", Assert.Single(missing).Host);
    }
}

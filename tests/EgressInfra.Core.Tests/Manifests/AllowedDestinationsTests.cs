using EgressInfra.Core.Collections;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Manifests;

/// <summary>
/// What a namespace may reach is the same policy whichever dataplane carries it: the ambient example
/// and the same services in the sidecar and gateway modes give every namespace the same destinations.
/// </summary>
public class AllowedDestinationsTests
{
    private const string AmbientBlock = "    mode: ambient\n    ambient:\n      namespace: istio-egress\n      waypoint: waypoint\n";
    private static readonly EvaluationOptions Today = new(new FixedClock(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("")]
    [InlineData("    mode: gateway\n")]
    public void Ambient_GrantsWhatTheSameServicesGrantInAnotherMode(string otherMode)
    {
        var ambientText = RepoPaths.ReadText("examples", "ambient", "Pulumi.ambient-example.yaml");
        Assert.Contains(AmbientBlock, ambientText, StringComparison.Ordinal);

        var ambient = Allowed(ambientText);
        var other = Allowed(ambientText.Replace(AmbientBlock, otherMode, StringComparison.Ordinal));

        Assert.Equal(["orders", "payments"], ambient.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("api.stripe.com:443/TLS", ambient["payments"]);
        Assert.DoesNotContain("api.stripe.com:443/TLS", ambient["orders"]);
        foreach (var ns in ambient.Keys)
        {
            Assert.Equal(other[ns], ambient[ns]);
        }
    }

    [Fact]
    public void AttachedGrants_CountOnlyAllowRulesForTheirOwnPortsHostsAndExistingEntries()
    {
        var entry = new ServiceEntry(
            new ObjectMetadata("api", "egress", ValueMap<string>.Empty, ValueMap<string>.Empty),
            new ServiceEntrySpec(
                ValueList.Of("a.example.com", "b.example.com"),
                ValueList<string>.Empty,
                ValueList.Of(new ServicePort(80, "HTTP", "http"), new ServicePort(443, "TLS", "tls")),
                "MESH_EXTERNAL",
                "DNS",
                ValueList<WorkloadEntry>.Empty,
                null,
                ValueList<string>.Empty,
                ValueList<string>.Empty));
        // Each policy grants the namespace named like the policy.
        static AuthorizationPolicy Policy(string name, string action, string target, params RuleOperation[] to) => new(
            new ObjectMetadata(name, "egress", ValueMap<string>.Empty, ValueMap<string>.Empty),
            new AuthorizationPolicySpec(null, action, ValueList.Of(new AuthorizationRule(ValueList.Of(new RuleSource(ValueList.Of(name))), to.ToValueList(), ValueList<RuleCondition>.Empty)))
            {
                TargetRefs = ValueList.Of(new PolicyTargetReference("networking.istio.io", ServiceEntry.KindName, target)),
            });

        var allowed = ManifestBuilder.AllowedDestinations(new EgressManifests(
        [
            entry,
            Policy("http-only", "ALLOW", "api", new RuleOperation(ValueList.Of("a.example.com")) { Ports = ValueList.Of("80") }),
            Policy("every-port", "ALLOW", "api"),
            Policy("denied", "DENY", "api"),
            Policy("missing-entry", "ALLOW", "nothing"),
        ]));

        Assert.Equal(["a.example.com:80/HTTP"], allowed["http-only"]);
        Assert.Equal(["a.example.com:443/TLS", "a.example.com:80/HTTP", "b.example.com:443/TLS", "b.example.com:80/HTTP"], allowed["every-port"]);
        Assert.False(allowed.ContainsKey("denied"));
        Assert.False(allowed.ContainsKey("missing-entry"));
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Allowed(string text)
    {
        var plan = EgressPipeline.Evaluate(StackFile.Parse(text, "Pulumi.ambient-example.yaml"), Today);
        Assert.NotNull(plan.Manifests);
        return ManifestBuilder.AllowedDestinations(plan.Manifests!);
    }
}

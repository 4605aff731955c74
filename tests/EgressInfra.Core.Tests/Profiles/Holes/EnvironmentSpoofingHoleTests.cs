using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Holes;

/// <summary>
/// Stacks that claim a weaker environment than the cluster they deploy to, and imports that widen a
/// namespace's registry past the stack: each must still meet the production floor.
/// </summary>
public sealed class EnvironmentSpoofingHoleTests
{
    private const string Wildcard = "- name: partner\n  hosts: [\"*.partner.com\"]\n  ports: [{ number: 443, protocol: TLS }]\n  owner: team-orders\n  reason: Partner API.";

    [Theory]
    [InlineData("prod-eu-west-1")]
    [InlineData("admin@prod")]
    [InlineData("arn:aws:eks:eu-west-1:123456789012:cluster/production")]
    [InlineData("gke_project_europe-west1_live")]
    public void ADevStackDeployingToAProdContextIsHeldToTheProdFloor(string context)
    {
        var plan = PolicyStack.Evaluate(WithContext(PolicyStack.Text(environment: "dev", services: Wildcard), context));
        PolicyAssert.Finding(plan, PolicyCodes.ContextEnvironment.Code, "environment");
        PolicyAssert.Finding(plan, PolicyCodes.NoWildcardHosts.Code, "egress.services[0].hosts[0]");
    }

    [Fact]
    public void AnExplicitPermissiveProfileIsBelowTheContextsFloor()
    {
        var plan = PolicyStack.Evaluate(WithContext(PolicyStack.Text(environment: "staging", profile: "permissive", services: Wildcard), "prod-eu-west-1"));
        PolicyAssert.Finding(plan, PolicyCodes.ProfileBelowFloor.Code, "profile");
    }

    [Theory]
    [InlineData("prod-eu-west-1")]
    [InlineData("test")]
    public void AnOverrideNamingTheContextOrTheStackSilencesTheMismatchButNotTheFloor(string confirmed)
    {
        // The stack file is Pulumi.test.yaml: the stack is named test.
        var text = WithContext(PolicyStack.Text(environment: "dev", services: Wildcard), "prod-eu-west-1")
            .Replace("config:\n", $"config:\n  egress-infra:environmentOverride: {confirmed}\n", StringComparison.Ordinal);
        var plan = PolicyStack.Evaluate(text);
        PolicyAssert.NoFinding(plan, PolicyCodes.ContextEnvironment.Code);
        PolicyAssert.Finding(plan, PolicyCodes.NoWildcardHosts.Code, "egress.services[0].hosts[0]");
    }

    [Theory]
    [InlineData("dev-cluster")]
    [InlineData("preprod")]
    [InlineData("kind-kind")]
    public void AContextThatNamesNoStrongerEnvironmentChangesNothing(string context)
    {
        var plan = PolicyStack.Evaluate(WithContext(PolicyStack.Text(environment: "dev", services: Wildcard), context));
        PolicyAssert.NoFinding(plan, PolicyCodes.ContextEnvironment.Code);
        PolicyAssert.Finding(plan, PolicyCodes.NoWildcardHosts.Code, "egress.services[0].hosts[0]", Severity.Warning);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("*/pypi.org")]
    public void ANamespaceImportFromEveryNamespaceIsRefused(string import)
    {
        var plan = PolicyStack.Check(extraEgress: $"namespaceImports:\n  payments: [\"istio-system/*\", \"{import}\"]");
        PolicyAssert.Finding(plan, PolicyCodes.RegistryOnly.Code, "egress.namespaceImports.payments[1]");
    }

    [Fact]
    public void ANamespaceImportOfOneNamespaceIsNotRefused()
    {
        var plan = PolicyStack.Check(extraEgress: "namespaceImports:\n  payments: [\"orders/api.orders.svc.cluster.local\"]");
        PolicyAssert.NoFinding(plan, PolicyCodes.RegistryOnly.Code);
    }

    private static string WithContext(string text, string context) =>
        text.Replace("config:\n", $"config:\n  egress-infra:context: \"{context}\"\n", StringComparison.Ordinal);
}

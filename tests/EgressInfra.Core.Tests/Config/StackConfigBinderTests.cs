using EgressInfra.Core.Config;

namespace EgressInfra.Core.Tests.Config;

public class StackConfigBinderTests
{
    private const string Stripe = """
        - name: stripe-api
          hosts: [api.stripe.com]
          ports:
            - { number: 443, protocol: TLS }
        """;

    [Fact]
    public void ValidService_BindsWithDefaults()
    {
        var plan = StackText.Evaluate(StackText.WithServices(Stripe));

        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        var service = Assert.Single(plan.Config!.Egress.Services);
        Assert.Equal(ServiceResolution.Dns, service.Resolution);
        Assert.Equal(ServiceLocation.MeshExternal, service.Location);
        Assert.Equal(["."], service.ExportTo);
        Assert.Equal(["payments", "orders"], service.Namespaces);
        Assert.Equal("permissive", plan.Config.Profile);
        Assert.Equal(OutboundTrafficPolicy.RegistryOnly, plan.Config.Egress.OutboundTrafficPolicy);
    }

    [Fact]
    public void ProdWithoutProfile_IsRestrictive()
    {
        var plan = StackText.Evaluate(StackText.WithServices(Stripe, environment: "prod"));

        Assert.Equal("restrictive", plan.Config?.Profile);
    }

    [Theory]
    [InlineData("*.example.com", ServiceResolution.None)]
    [InlineData("example.com", ServiceResolution.Dns)]
    public void DefaultResolution_IsDnsOnlyForExactHosts(string host, ServiceResolution expected)
    {
        Assert.Equal(expected, EgressInfra.Core.Config.Binding.StackConfigBinder.DefaultResolution([host], [], []));
    }

    [Fact]
    public void EveryProblemIsReported_WithPathAndLine()
    {
        var text = StackText.WithServices("""
            - name: a
              hots: [a.example.com]
              ports:
                - { number: 70000, protocol: HTTPX }
            - name: b
              hosts: [b.example.com]
              ports:
                - { number: "443", protocol: TLS }
            """);

        var plan = StackText.Evaluate(text);

        Assert.True(plan.HasErrors);
        Assert.Null(plan.Manifests);
        var byPath = plan.Diagnostics.ToDictionary(d => d.Path + "|" + d.Code);
        Assert.Contains("egress.services[0].hots|EGR003", byPath.Keys);
        Assert.Contains("Did you mean 'hosts'", byPath["egress.services[0].hots|EGR003"].Hint, StringComparison.Ordinal);
        Assert.Contains("egress.services[0].hosts|EGR004", byPath.Keys);
        Assert.Contains("egress.services[0].ports[0].number|EGR007", byPath.Keys);
        Assert.Contains("egress.services[0].ports[0].protocol|EGR005", byPath.Keys);
        Assert.Contains("egress.services[1].ports[0].number|EGR002", byPath.Keys);
        Assert.All(plan.Diagnostics, d => Assert.NotNull(d.Location));
        Assert.Equal(7, byPath["egress.services[0].hots|EGR003"].Location!.Line);
    }

    [Fact]
    public void DuplicateServiceName_IsAnError()
    {
        var plan = StackText.Evaluate(StackText.WithServices(Stripe + "\n" + Stripe));

        var d = Assert.Single(plan.Errors);
        Assert.Equal(("EGR008", "egress.services[1].name"), (d.Code, d.Path));
    }

    [Fact]
    public void ServiceNamespaceOutsideTheGovernedSet_IsAnError()
    {
        var plan = StackText.Evaluate(StackText.WithServices(Stripe + "\n  namespaces: [billing]"));

        Assert.Contains(plan.Errors, d => d.Code == "EGR009" && d.Path == "egress.services[0].namespaces[0]");
    }

    [Fact]
    public void MissingEnvironment_IsReported()
    {
        var plan = StackText.Evaluate("config:\n  egress-infra:egress:\n    namespaces: [a]\n");

        Assert.Contains(plan.Errors, d => d.Code == "EGR004" && d.Path == "environment");
    }
}

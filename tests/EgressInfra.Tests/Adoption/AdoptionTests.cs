using EgressInfra.Core.Manifests;

namespace EgressInfra.Tests.Adoption;

/// <summary>
/// Adopting a running mesh: fragments read by the program exactly as egressctl reads them, and
/// <c>adoptExisting</c>, which lets the provider take objects that already exist under the rendered
/// names into the state (updated in place) instead of failing with AlreadyExists or recreating them.
/// </summary>
public sealed class AdoptionTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("egress-adopt-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private const string Stack = """
        config:
          egress-infra:environment: prod
          egress-infra:context: prod-eu-west-1
          egress-infra:egress:
            namespaces: [payments, orders]
            include: ["egress.d/*.yaml"]
        """;

    private const string Fragment = """
        owner: team-orders
        services:
          - name: sendgrid-api
            hosts: [api.sendgrid.com]
            ports: [{ number: 443, protocol: TLS }]
            namespaces: [orders]
            reason: Order confirmation e-mails.
        """;

    private async Task<ProgramRun> RunAsync(string stackText)
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.yaml"), "name: egress-infra\nruntime: dotnet\n");
        File.WriteAllText(Path.Combine(_project, "Pulumi.test.yaml"), stackText);
        Directory.CreateDirectory(Path.Combine(_project, "egress.d"));
        File.WriteAllText(Path.Combine(_project, "egress.d", "orders.yaml"), Fragment);
        return await ProgramRun.RunAsync(PulumiConfig.FromStackText(stackText), "test", _project);
    }

    [Fact]
    public async Task Program_RegistersAFragmentsServices_WithTheFragmentsOwner()
    {
        var run = await RunAsync(Stack);

        var entry = Assert.Single(run.Registered, r => r.Name == "orders-serviceentry-sendgrid-api");
        Assert.Equal("team-orders", entry.Value("metadata", "annotations", ManagedLabels.OwnerAnnotation));
        Assert.Equal("orders", entry.Value("metadata", "namespace"));
    }

    [Fact]
    public async Task Program_FailsWithTheFragmentsFileAndLine_AndRegistersNothing()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.yaml"), "name: egress-infra\nruntime: dotnet\n");
        File.WriteAllText(Path.Combine(_project, "Pulumi.test.yaml"), Stack);
        Directory.CreateDirectory(Path.Combine(_project, "egress.d"));
        File.WriteAllText(Path.Combine(_project, "egress.d", "orders.yaml"), Fragment + "outboundTrafficPolicy: ALLOW_ANY\n");

        var (error, mocks) = await ProgramRun.FailingAsync(PulumiConfig.FromStackText(Stack), "test", _project);

        Assert.Contains("egress.d/orders.yaml:7:", error.Message, StringComparison.Ordinal);
        Assert.Contains("outboundTrafficPolicy", error.Message, StringComparison.Ordinal);
        mocks.Verify(m => m.NewResourceAsync(Moq.It.IsAny<Pulumi.Testing.MockResourceArgs>()), Moq.Times.Never());
    }

    [Fact]
    public async Task AdoptExisting_TurnsOnTheProvidersUpsert_AndKeepsTheRenderedNames()
    {
        var plain = await RunAsync(Stack);
        var adopting = await RunAsync(Stack + "\n  egress-infra:adoptExisting: true\n");

        var provider = Assert.Single(adopting.OfType("pulumi:providers:kubernetes"));
        Assert.Equal("true", provider.Inputs["upsertExistingObjects"]?.ToString()?.ToLowerInvariant());
        Assert.False(Assert.Single(plain.OfType("pulumi:providers:kubernetes")).Inputs.ContainsKey("upsertExistingObjects"));

        // The same logical and Kubernetes names with and without adoption: nothing is recreated.
        Assert.Equal(plain.KubernetesObjects(), adopting.KubernetesObjects());
    }
}

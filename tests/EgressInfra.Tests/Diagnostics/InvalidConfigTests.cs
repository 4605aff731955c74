using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using Moq;
using Pulumi.Testing;

namespace EgressInfra.Tests.Diagnostics;

public sealed class InvalidConfigTests : IDisposable
{
    /// <summary>Six different mistakes, each of a different kind, in one stack.</summary>
    private const string Broken = """
        config:
          egress-infra:environment: qa
          egress-infra:egress:
            namespaces: [payments, Orders]
            services:
              - name: stripe-api
                hots: [api.stripe.com]
                ports:
                  - { number: 70000, protocol: HTTPX }
              - name: sendgrid
                hosts: [api.sendgrid.com]
                ports:
                  - { number: "443", protocol: TLS }
        """;

    private readonly string _projectDir = Directory.CreateTempSubdirectory("egress-infra-stack-").FullName;

    // A stack with errors must leave the cluster untouched: not one resource, not even the provider
    // or a component, and the run fails with everything there is to fix.
    [Fact]
    public async Task InvalidConfig_RegistersNothing_AndFailsWithEveryDiagnostic()
    {
        var (error, mocks) = await ProgramRun.FailingAsync(PulumiConfig.FromStackText(Broken));

        mocks.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never);
        var expected = EgressPipeline.Evaluate(PulumiConfig.Keys(Broken)).Diagnostics;
        Assert.True(expected.Select(d => d.Code).Distinct().Count() >= 5, "the stack should break several different rules");
        foreach (var diagnostic in expected)
        {
            Assert.Contains($"{diagnostic.Code} {diagnostic.Path}", error.Message, StringComparison.Ordinal);
        }

        Assert.StartsWith($"egress-infra: the stack's config has {expected.Count(d => d.IsError)} errors; nothing was registered.", error.Message, StringComparison.Ordinal);
    }

    // Pulumi hands the program JSON without lines; the stack file next to Pulumi.yaml supplies them,
    // so the failure points where egressctl check points.
    [Fact]
    public async Task InvalidConfig_FailureNamesTheStackFileAndLine()
    {
        File.WriteAllText(Path.Combine(_projectDir, "Pulumi.broken.yaml"), Broken);

        var (error, _) = await ProgramRun.FailingAsync(PulumiConfig.FromStackText(Broken), "broken", _projectDir);

        var fromFile = EgressPipeline.Evaluate(StackFile.Parse(Broken, "Pulumi.broken.yaml")).Diagnostics;
        Assert.All(fromFile, d => Assert.Contains(d.ToString(), error.Message, StringComparison.Ordinal));
        Assert.Contains("Pulumi.broken.yaml:7: error EGR003 egress.services[0].hots", error.Message, StringComparison.Ordinal);
    }

    // A stack named prod cannot deploy a dev config by saying so: the name keeps the prod floor at
    // pulumi up too, not only in egressctl, which reads the name from the file.
    [Theory]
    [InlineData("prod")]
    [InlineData("payments-prod")]
    [InlineData("production")]
    public async Task StackNamedForProd_WithADevEnvironment_RegistersNothing(string stack)
    {
        const string devConfig = """
            config:
              egress-infra:environment: dev
              egress-infra:egress:
                namespaces: [sandbox]
                services: []
            """;

        var (error, mocks) = await ProgramRun.FailingAsync(PulumiConfig.FromStackText(devConfig), stack);

        mocks.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never);
        Assert.Contains("EGR017 environment", error.Message, StringComparison.Ordinal);
        Assert.Contains($"the stack '{stack}' is named for prod", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_projectDir, recursive: true);
}

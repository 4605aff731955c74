using Moq;
using Pulumi.Testing;

namespace EgressInfra.Tests.Configuration;

public sealed class PulumiConfigReaderTests : IDisposable
{
    private readonly string _projectDir = Directory.CreateTempSubdirectory("egress-infra-stack-").FullName;

    [Fact]
    public async Task TextWhereAMappingBelongs_IsADiagnosticNotACrash()
    {
        var config = """{"egress-infra:environment":"prod","egress-infra:egress":"payments only"}""";

        var (error, mocks) = await ProgramRun.FailingAsync(config);

        Assert.Contains("error EGR002 egress: expected a mapping", error.Message, StringComparison.Ordinal);
        mocks.Verify(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()), Times.Never);
    }

    // Pulumi passes every key of the stack file; one the Core does not know must not be silently ignored.
    [Fact]
    public async Task MisspeltKeyInTheStackFile_IsReportedWithASuggestion()
    {
        var stack = PulumiConfig.ShippedStackText("prod") + "\n  egress-infra:probes:\n    enabled: true\n";
        File.WriteAllText(Path.Combine(_projectDir, "Pulumi.typo.yaml"), stack);

        var (error, _) = await ProgramRun.FailingAsync(PulumiConfig.FromStackText(stack), "typo", _projectDir);

        Assert.Contains("error EGR003 probes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'probe'?", error.Message, StringComparison.Ordinal);
    }

    // Pulumi passes numbers and booleans inside an object as JSON; they must reach the Core typed, as
    // they are in the YAML file.
    [Fact]
    public async Task JsonObjectValues_KeepTheirTypes()
    {
        var config = """{"egress-infra:environment":"dev","egress-infra:egress":"{\"namespaces\":[\"sandbox\"],\"services\":[{\"name\":\"api\",\"hosts\":[\"api.example.org\"],\"ports\":[{\"number\":\"443\",\"protocol\":\"TLS\"}]}]}"}""";

        var (error, _) = await ProgramRun.FailingAsync(config);

        Assert.Contains("error EGR002 egress.services[0].ports[0].number: expected a number but found the quoted string \"443\"", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_projectDir, recursive: true);
}

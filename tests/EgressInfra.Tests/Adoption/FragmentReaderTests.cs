using System.Text;
using EgressInfra.TestSupport;
using Moq;

namespace EgressInfra.Tests.Adoption;

/// <summary>
/// The program reads fragments with egressctl's reader (EgressInfra.Files): a hostile fragment fails the
/// run with a finding naming it, before anything is registered, and never blocks <c>pulumi up</c>.
/// </summary>
public sealed class FragmentReaderTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _project = Directory.CreateTempSubdirectory("egress-fragments-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private static string Stack(string include) => $$"""
        config:
          egress-infra:environment: dev
          egress-infra:egress:
            namespaces: [orders]
            include: ["{{include}}"]
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

    private string PathOf(string relative)
    {
        var path = Path.Combine(_project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private void WriteProject(string stack)
    {
        File.WriteAllText(PathOf("Pulumi.yaml"), "name: egress-infra\nruntime: dotnet\n");
        File.WriteAllText(PathOf("Pulumi.test.yaml"), stack);
    }

    private async Task<string> FailsNamingAsync(string stack)
    {
        var run = ProgramRun.FailingAsync(PulumiConfig.FromStackText(stack), "test", _project);
        Assert.True(await Task.WhenAny(run, Task.Delay(Deadline)) == run, "the program did not end: a fragment blocked it");
        var (error, mocks) = await run;
        mocks.Verify(m => m.NewResourceAsync(It.IsAny<Pulumi.Testing.MockResourceArgs>()), Times.Never());
        return error.Message;
    }

    private async Task<ProgramRun> SucceedsAsync(string stack)
    {
        var run = ProgramRun.RunAsync(PulumiConfig.FromStackText(stack), "test", _project);
        Assert.True(await Task.WhenAny(run, Task.Delay(Deadline)) == run, "the program did not end");
        return await run;
    }

    [Theory]
    [InlineData("egress.d/orders.yaml")]
    [InlineData("egress.d/*.yaml")]
    public async Task AFifoFragment_FailsTheRunWithItsPath_InsteadOfBlocking(string include)
    {
        WriteProject(Stack(include));
        if (!Fifos.TryMake(PathOf("egress.d/orders.yaml")))
        {
            return;
        }

        var message = await FailsNamingAsync(Stack(include));

        Assert.Contains("EGR602", message, StringComparison.Ordinal);
        Assert.Contains("egress.d/orders.yaml", message, StringComparison.Ordinal);
        Assert.Contains("named pipe (FIFO)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFifoInPlaceOfTheStackFile_IsNotWaitedOn()
    {
        File.WriteAllText(PathOf("Pulumi.yaml"), "name: egress-infra\nruntime: dotnet\n");
        File.WriteAllText(PathOf("egress.d/orders.yaml"), Fragment);
        if (!Fifos.TryMake(PathOf("Pulumi.test.yaml")))
        {
            return;
        }

        var run = await SucceedsAsync(Stack("egress.d/*.yaml"));

        Assert.Contains(run.Registered, r => r.Name == "orders-serviceentry-sendgrid-api");
    }

    [Fact]
    public async Task AFragmentOverTheBudget_FailsTheRunWithTheLimit()
    {
        WriteProject(Stack("egress.d/*.yaml"));
        using (var big = new StreamWriter(PathOf("egress.d/big.yaml")))
        {
            big.Write(Fragment);
            var comment = "# " + new string('x', 1022) + "\n";
            for (var i = 0; i < 65 * 1024; i++)
            {
                big.Write(comment);
            }
        }

        var message = await FailsNamingAsync(Stack("egress.d/*.yaml"));

        Assert.Contains("egress.d/big.yaml", message, StringComparison.Ordinal);
        Assert.Contains("larger than the limit of 64 MiB", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUtf16Fragment_IsDeployedAsEgressctlReadsIt()
    {
        WriteProject(Stack("egress.d/*.yaml"));
        File.WriteAllBytes(PathOf("egress.d/orders.yaml"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Fragment)]);

        var run = await SucceedsAsync(Stack("egress.d/*.yaml"));

        Assert.Contains(run.Registered, r => r.Name == "orders-serviceentry-sendgrid-api");
    }

    [Fact]
    public async Task SymbolicLinkLoopsInAGlob_End_AndTheRealFragmentIsDeployedOnce()
    {
        WriteProject(Stack("egress.d/**/*.yaml"));
        File.WriteAllText(PathOf("egress.d/orders.yaml"), Fragment);
        File.CreateSymbolicLink(PathOf("egress.d/up"), "..");
        File.CreateSymbolicLink(PathOf("egress.d/loop"), "loop");

        var run = await SucceedsAsync(Stack("egress.d/**/*.yaml"));

        Assert.Single(run.Registered, r => r.Name == "orders-serviceentry-sendgrid-api");
    }

    [Fact]
    public async Task ADirectoryNamedLikeAFragment_FailsTheRunSayingSo()
    {
        WriteProject(Stack("egress.d/orders.yaml"));
        File.WriteAllText(PathOf("egress.d/orders.yaml/inner.yaml"), Fragment);

        var message = await FailsNamingAsync(Stack("egress.d/orders.yaml"));

        Assert.Contains("egress.d/orders.yaml", message, StringComparison.Ordinal);
        Assert.Contains("is a directory", message, StringComparison.Ordinal);
    }
}

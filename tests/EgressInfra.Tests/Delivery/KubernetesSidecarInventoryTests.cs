using EgressInfra.Delivery;

namespace EgressInfra.Tests.Delivery;

// The real client, against no cluster: every way of not getting an answer is a reason per namespace,
// never an exception and never "no Sidecars".
public class KubernetesSidecarInventoryTests
{
    // Port 1 on loopback: nothing listens, so the connection is refused at once.
    private const string Unreachable = """
        apiVersion: v1
        kind: Config
        current-context: nowhere
        contexts:
        - name: nowhere
          context: {cluster: nowhere, user: nobody}
        clusters:
        - name: nowhere
          cluster: {server: "http://127.0.0.1:1"}
        users:
        - name: nobody
          user: {token: not-a-token}
        """;

    private static Task<SidecarListing> ListAsync(ClusterAccess access) =>
        new KubernetesSidecarInventory().ListAsync(access, "networking.istio.io/v1", ["orders", "payments"], CancellationToken.None);

    [Fact]
    public async Task UnreachableApiServer_LeavesEveryNamespaceUnlisted()
    {
        var listing = await ListAsync(new ClusterAccess(null, Unreachable));

        Assert.Empty(listing.Sidecars);
        Assert.Equal(["orders", "payments"], listing.Failures.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UnknownContext_LeavesEveryNamespaceUnlisted_NamingTheKubeconfig()
    {
        var listing = await ListAsync(new ClusterAccess("prod-eu-west-1", Unreachable));

        Assert.Equal(2, listing.Failures.Count);
        Assert.All(listing.Failures.Values, reason => Assert.StartsWith("no usable kubeconfig", reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not: [a kubeconfig")]
    [InlineData("/nonexistent/kubeconfig")]
    [InlineData("apiVersion: v1\nkind: Config\n")]
    [InlineData("apiVersion: v1\nkind: Config\ncurrent-context: a\ncontexts:\n- name: a\n  context: {cluster: missing, user: missing}\n")]
    [InlineData("[]")]
    public async Task UnusableKubeconfigSetting_LeavesEveryNamespaceUnlisted(string setting)
    {
        var listing = await ListAsync(new ClusterAccess(null, setting));

        Assert.Equal(2, listing.Failures.Count);
        Assert.Empty(listing.Sidecars);
    }

    // A path to an existing file is read as a file, as the provider does with its kubeconfig setting.
    [Fact]
    public async Task KubeconfigPath_IsReadFromTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"egress-kubeconfig-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(path, Unreachable);
        try
        {
            var configuration = KubeconfigSource.Configure(new ClusterAccess(null, path));

            Assert.Equal("http://127.0.0.1:1", configuration.Host.TrimEnd('/'));
            Assert.Equal("nowhere", configuration.CurrentContext);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // No kubeconfig anywhere and no context: inside a pod the service account is used, as the provider
    // does; outside one, the default file is what is missing.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NoKubeconfigAnywhere_FallsBackToThePodsAccount_OnlyInsideAPod(bool inCluster)
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        var kubeconfig = Environment.GetEnvironmentVariable("KUBECONFIG");
        var empty = Directory.CreateTempSubdirectory("egress-home-");
        Environment.SetEnvironmentVariable("HOME", empty.FullName);
        Environment.SetEnvironmentVariable("KUBECONFIG", null);
        try
        {
            var error = Record.Exception(() => KubeconfigSource.Configure(new ClusterAccess(null, null), inCluster));

            // The pod's account is read from its token file (absent here); the default path is ~/.kube/config.
            Assert.NotNull(error);
            Assert.Equal(inCluster, !error.Message.Contains(".kube", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("HOME", home);
            Environment.SetEnvironmentVariable("KUBECONFIG", kubeconfig);
            empty.Delete(recursive: true);
        }
    }
}

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
}

using EgressInfra.Core.Presets;
using EgressInfra.Core.Profiles.Rules;
using EgressInfra.Core.Validation;

namespace EgressInfra.Core.Tests.Presets;

/// <summary>The shipped catalog: what it holds, and that each entry is well formed.</summary>
public class PresetCatalogTests
{
    private static readonly PresetCatalog Catalog = PresetCatalog.Shipped;

    [Fact]
    public void ShippedCatalog_IsVersioned()
    {
        Assert.Matches(@"^\d{4}\.\d{2}$", Catalog.Version);
    }

    [Theory]
    [InlineData("apt", PresetCategory.PackageManager)]
    [InlineData("pypi", PresetCategory.PackageManager)]
    [InlineData("npm", PresetCategory.PackageManager)]
    [InlineData("nuget", PresetCategory.PackageManager)]
    [InlineData("maven-central", PresetCategory.PackageManager)]
    [InlineData("go-proxy", PresetCategory.PackageManager)]
    [InlineData("docker-hub", PresetCategory.ContainerRegistry)]
    [InlineData("github", PresetCategory.SourceRepository)]
    [InlineData("github-ssh", PresetCategory.SourceRepository)]
    [InlineData("github-ssh-443", PresetCategory.SourceRepository)]
    [InlineData("aws-sts", PresetCategory.CloudApi)]
    [InlineData("google-cloud-storage", PresetCategory.CloudApi)]
    [InlineData("azure-entra-id", PresetCategory.CloudApi)]
    public void Catalog_HoldsTheIssuesPresets(string name, PresetCategory category)
    {
        Assert.Equal(category, Catalog.Find(name)?.Category);
    }

    [Fact]
    public void Apt_CoversDebianAndUbuntu()
    {
        var hosts = Catalog.Find("apt")!.Services.SelectMany(s => s.Hosts).ToList();

        Assert.Contains("deb.debian.org", hosts);
        Assert.Contains("security.debian.org", hosts);
        Assert.Contains("archive.ubuntu.com", hosts);
        Assert.Contains("security.ubuntu.com", hosts);
    }

    // pip reads the index on pypi.org but downloads distributions from files.pythonhosted.org.
    [Fact]
    public void Pypi_IncludesTheFileHost()
    {
        Assert.Equal(["pypi.org", "files.pythonhosted.org"], Catalog.Find("pypi")!.Services.Single().Hosts);
    }

    [Fact]
    public void GitHubSsh_UsesGitHubsDatedGitRangesOnPort22()
    {
        var service = Catalog.Find("github-ssh")!.Services.Single();

        Assert.Equal(22, service.Ports.Single().Number);
        Assert.Equal(["192.30.252.0/22", "185.199.108.0/22", "140.82.112.0/20", "143.55.64.0/20", "2a0a:a440::/29", "2606:50c0::/32"], service.Addresses);
        Assert.NotNull(service.AddressesVerifiedOn);
        Assert.Contains("api.github.com/meta", service.AddressesSource, StringComparison.Ordinal);
    }

    // SSH on 443 carries no SNI: a TCP entry with addresses, never TLS, never TCP without addresses (F3).
    [Fact]
    public void GitHubSsh443_IsTcpOnGitHubsRanges()
    {
        var service = Catalog.Find("github-ssh-443")!.Services.Single();

        Assert.Equal(["ssh.github.com"], service.Hosts);
        Assert.Equal((443, EgressInfra.Core.Config.ServiceProtocol.Tcp), (service.Ports.Single().Number, service.Ports.Single().Protocol));
        Assert.NotEmpty(service.Addresses);
    }

    [Fact]
    public void EveryPreset_IsWellFormed()
    {
        Assert.Equal(Catalog.Presets.Count, Catalog.Presets.Select(p => p.Name).Distinct().Count());
        Assert.All(Catalog.Presets, preset =>
        {
            Assert.NotEmpty(preset.Description);
            Assert.All(preset.Services, service =>
            {
                Assert.True(KubernetesNames.IsDns1123Label(preset.ServiceName(service)), preset.ServiceName(service));
                Assert.NotEmpty(service.Hosts);
                Assert.NotEmpty(service.Ports);
                Assert.All(service.Addresses, a => Assert.True(EgressInfra.Core.Analysis.AddressRange.TryParse(a, out _), a));
                Assert.Equal(service.Addresses.Count > 0, service.AddressesVerifiedOn is not null);
            });
        });
    }

    [Theory]
    [InlineData("deb.debian.org", "debian.org")]
    [InlineData("ssh.github.com", "github.com")]
    [InlineData("*.github.com", "github.com")]
    [InlineData("GitHub.com.", "github.com")]
    [InlineData("files.pythonhosted.org", "pythonhosted.org")]
    [InlineData("production.cloudflare.docker.com", "docker.com")]
    [InlineData("api.stripe.com", null)]
    [InlineData("notgithub.com", null)]
    [InlineData("github.com.example.net", null)]
    public void PackageSourceFor_MatchesDomainsAndTheirSubdomains(string host, string? expected)
    {
        Assert.Equal(expected, Catalog.PackageSourceFor(host));
    }

    [Fact]
    public void InvalidCatalogData_Throws()
    {
        const string text = """
            version: "1"
            presets:
              - name: x
                category: music
                description: d
                services: [{ hosts: [a.example], ports: [{ number: 443, protocol: TLS }] }]
            """;

        var ex = Assert.Throws<InvalidDataException>(() => PresetCatalog.Parse(text, "catalog.yaml"));
        Assert.Contains("presets[0].category", ex.Message, StringComparison.Ordinal);
    }
}

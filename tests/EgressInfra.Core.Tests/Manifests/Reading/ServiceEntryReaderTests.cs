using EgressInfra.Core.Manifests;
using EgressInfra.Core.Manifests.Reading;
using static EgressInfra.Core.Tests.Manifests.Reading.ManifestYaml;

namespace EgressInfra.Core.Tests.Manifests.Reading;

public class ServiceEntryReaderTests
{
    private const string Port443 = "ports:\n- number: 443\n  name: https\n  protocol: HTTPS";

    // Istio's rules judge the entry as written, so nothing may be normalised or defaulted on the way in.
    [Fact]
    public void Read_KeepsValuesAsWritten()
    {
        var read = Read(ServiceEntry(
            "hosts: [dummy.github.com]\naddresses: [140.82.112.0/20]\nports:\n- number: 22\n  name: tcp\n  protocol: tcp\nlocation: MESH_EXTERNAL",
            metadata: "name: github-tcp"));

        Assert.Empty(read.Diagnostics);
        var entry = Assert.IsType<ServiceEntry>(read.Object);
        Assert.Equal("tcp", entry.Spec.Ports[0].Protocol);
        Assert.Null(entry.Spec.Resolution);
        Assert.Equal("MESH_EXTERNAL", entry.Spec.Location);
        Assert.Null(entry.Metadata.Namespace);
        Assert.Null(entry.Spec.Ports[0].TargetPort);
        Assert.Equal("ServiceEntry github-tcp", read.Resource);
    }

    [Theory]
    [InlineData("networking.istio.io/v1")]
    [InlineData("networking.istio.io/v1beta1")]
    [InlineData("networking.istio.io/v1alpha3")]
    public void Read_EveryServedVersion_KeepsTheApiVersion(string apiVersion)
    {
        var read = Read(ServiceEntry($"hosts: [pypi.org]\n{Port443}", apiVersion: apiVersion));

        Assert.Empty(read.Diagnostics);
        Assert.Equal(apiVersion, Assert.IsType<ServiceEntry>(read.Object).ApiVersion);
    }

    [Fact]
    public void UnknownField_IsAnErrorWithDidYouMeanAtTheKeysLine()
    {
        var read = Read(ServiceEntry($"hosts: [pypi.org]\nexport_to: [\".\"]\n{Port443}"));

        var d = Single(read, "EGR150");
        Assert.Equal("spec.export_to", d.Path);
        Assert.Contains("'exportTo'", d.Hint, StringComparison.Ordinal);
        Assert.Equal((FileName, 8, 3), (d.Location!.File, d.Location.Line, d.Location.Column));
        Assert.Equal("ServiceEntry payments/api", d.Resource);
    }

    // Failure mode F15: a field indented one level too deep is silently dropped by lenient readers.
    [Fact]
    public void FieldOfAnEnclosingObject_HintsAtIndentation()
    {
        var read = Read(ServiceEntry($"hosts: [pypi.org]\n{Port443}\n  resolution: DNS"));

        var d = Single(read, "EGR150");
        Assert.Equal("spec.ports[0].resolution", d.Path);
        Assert.Contains("indentation", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void PortNumberAsString_IsATypeErrorAndNoRecord()
    {
        var read = Read(ServiceEntry("hosts: [pypi.org]\nports:\n- number: \"443\"\n  name: https"));

        var d = Single(read, "EGR151");
        Assert.Equal("spec.ports[0].number", d.Path);
        Assert.Contains("without quotes", d.Hint, StringComparison.Ordinal);
        Assert.Null(read.Object);
    }

    [Fact]
    public void HostsAsScalar_IsATypeError()
    {
        var read = Read(ServiceEntry($"hosts: pypi.org\n{Port443}"));

        var d = Single(read, "EGR151");
        Assert.Equal("spec.hosts", d.Path);
        Assert.Contains("[\"pypi.org\"]", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void PortNameAsNumber_IsATypeErrorWithAQuoteHint()
    {
        var read = Read(ServiceEntry("hosts: [pypi.org]\nports:\n- number: 443\n  name: 443"));

        Assert.Contains("Quote", Single(read, "EGR151").Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void IntegralFloat_IsAcceptedAsKubectlConvertsIt()
    {
        var read = Read(ServiceEntry("hosts: [pypi.org]\nports:\n- number: 443.0\n  name: https"));

        Assert.Empty(read.Diagnostics);
        Assert.Equal(443, Assert.IsType<ServiceEntry>(read.Object).Spec.Ports[0].Number);
    }

    [Fact]
    public void NegativePortNumber_IsOutOfTheSchemaRange()
    {
        var read = Read(ServiceEntry("hosts: [pypi.org]\nports:\n- number: -1\n  name: https"));

        Assert.Equal("spec.ports[0].number", Single(read, "EGR155").Path);
        Assert.Null(read.Object);
    }

    [Theory]
    [InlineData("resolution: DNSS", "spec.resolution", "'DNS'")]
    [InlineData("resolution: dns", "spec.resolution", "'DNS'")]
    [InlineData("location: MESH_EXTERNEL", "spec.location", "'MESH_EXTERNAL'")]
    public void ValueOutsideTheCrdEnum_IsAnErrorButTheEntryIsKeptAsWritten(string line, string path, string suggestion)
    {
        var read = Read(ServiceEntry($"hosts: [pypi.org]\n{Port443}\n{line}"));

        var d = Single(read, "EGR153");
        Assert.Equal(path, d.Path);
        Assert.Contains(suggestion, d.Hint, StringComparison.Ordinal);
        Assert.NotNull(read.Object);
    }

    [Fact]
    public void DynamicDns_IsInTheEnum()
    {
        var read = Read(ServiceEntry($"hosts: [\"*.example.com\"]\n{Port443}\nresolution: DYNAMIC_DNS"));

        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void NullOptionalField_IsTheSameAsOmitted()
    {
        var read = Read(ServiceEntry($"hosts: [pypi.org]\n{Port443}\nresolution: ~"));

        Assert.Empty(read.Diagnostics);
        Assert.Null(Assert.IsType<ServiceEntry>(read.Object).Spec.Resolution);
    }

    [Theory]
    [InlineData("ports: []", "spec.hosts")]
    [InlineData("hosts: []", "spec.hosts")]
    [InlineData("hosts: [a.example]\nports:\n- number: 443", "spec.ports[0].name")]
    [InlineData("hosts: [a.example]\nports:\n- name: https", "spec.ports[0].number")]
    public void MissingRequiredField_IsReportedAtItsPath(string spec, string path)
    {
        var read = Read(ServiceEntry(spec));

        Assert.Equal(path, Single(read, "EGR152").Path);
    }

    [Fact]
    public void MissingSpec_IsRequired()
    {
        var read = Read("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: a\n");

        Assert.Equal("spec", Single(read, "EGR152").Path);
    }

    [Fact]
    public void TooManyHosts_ExceedsTheCrdLimit()
    {
        var hosts = string.Join(", ", Enumerable.Range(0, 257).Select(i => $"h{i}.example"));
        var read = Read(ServiceEntry($"hosts: [{hosts}]\n{Port443}"));

        Assert.Contains("256", Single(read, "EGR154").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongAddress_ExceedsTheCrdLength()
    {
        var read = Read(ServiceEntry($"hosts: [a.example]\naddresses: [\"{new string('1', 65)}\"]\n{Port443}"));

        Assert.Equal("spec.addresses[0]", Single(read, "EGR154").Path);
    }

    // Istio reads targetPort 0 as unset, but the CRD's rule rejects it before the webhook runs.
    [Fact]
    public void TargetPortZero_IsRejectedByTheCrd()
    {
        var read = Read(ServiceEntry("hosts: [a.example]\nports:\n- number: 443\n  name: https\n  targetPort: 0"));

        Assert.Equal("spec.ports[0].targetPort", Single(read, "EGR162").Path);
        Assert.Equal(0, Assert.IsType<ServiceEntry>(read.Object).Spec.Ports[0].TargetPort);
    }

    [Fact]
    public void EmptyEndpointsUnderNone_IsRejectedByTheCrd()
    {
        var read = Read(ServiceEntry($"hosts: [a.example]\n{Port443}\nendpoints: []"));

        Assert.Equal("spec.endpoints", Single(read, "EGR162").Path);
    }

    [Fact]
    public void EmptyEndpointsWithWorkloadSelector_IsRejectedByTheCrd()
    {
        var read = Read(ServiceEntry($"hosts: [a.example]\n{Port443}\nresolution: STATIC\nworkloadSelector:\n  labels: {{app: db}}\nendpoints: []"));

        Assert.Contains("workloadSelector", Single(read, "EGR162").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(62, false)]
    [InlineData(63, true)]
    public void EndpointPortName_CrdAllowsAtMost62Characters(int length, bool rejected)
    {
        var name = new string('p', length);
        var read = Read(ServiceEntry($"hosts: [a.example]\nports:\n- number: 443\n  name: {name}\nresolution: STATIC\nendpoints:\n- address: 10.0.0.1\n  ports: {{{name}: 8443}}"));

        Assert.Equal(rejected, read.Diagnostics.Any(d => d.Code == "EGR162"));
    }

    [Fact]
    public void EndpointFields_AreRead()
    {
        var read = Read(ServiceEntry("hosts: [db.internal]\nports:\n- {number: 5432, name: tcp-pg, protocol: TCP}\nresolution: STATIC\nendpoints:\n- address: 10.0.0.7\n  ports: {tcp-pg: 15432}\n  labels: {zone: a}\n  weight: 3\n  network: n1"));

        Assert.Empty(read.Diagnostics);
        var endpoint = Assert.IsType<ServiceEntry>(read.Object).Spec.Endpoints[0];
        Assert.Equal(("10.0.0.7", 15432L, "a", 3L, "n1"), (endpoint.Address, endpoint.Ports["tcp-pg"], endpoint.Labels["zone"], endpoint.Weight!.Value, endpoint.Network));
    }

    [Theory]
    [InlineData("name: Stripe-API", "EGR156", "metadata.name")]
    [InlineData("name: api\n  namespace: Payments", "EGR157", "metadata.namespace")]
    [InlineData("name: api\n  labels: {\"-bad\": x}", "EGR158", "metadata.labels.-bad")]
    [InlineData("name: api\n  labels: {team: \"has space\"}", "EGR158", "metadata.labels.team")]
    [InlineData("name: api\n  annotations: {\"a/b/c\": x}", "EGR158", "metadata.annotations[\"a/b/c\"]")]
    [InlineData("name: api\n  namspace: payments", "EGR150", "metadata.namspace")]
    public void MetadataRules_AreApplied(string metadata, string code, string path)
    {
        var read = Read(ServiceEntry($"hosts: [a.example]\n{Port443}", metadata));

        Assert.Equal(path, Single(read, code).Path);
    }

    [Fact]
    public void MissingName_IsRequired()
    {
        var read = Read(ServiceEntry($"hosts: [a.example]\n{Port443}", "namespace: payments"));

        var d = Single(read, "EGR156");
        Assert.Equal("metadata.name", d.Path);
        Assert.Contains("required", d.Message, StringComparison.Ordinal);
        Assert.Equal("ServiceEntry payments/(unnamed)", d.Resource);
    }

    [Fact]
    public void GenerateNameWithoutName_ExplainsThatApplyNeedsAName()
    {
        var read = Read(ServiceEntry($"hosts: [a.example]\n{Port443}", "generateName: api-"));

        Assert.Contains("generateName", Single(read, "EGR156").Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_IsAcceptedWhateverItHolds()
    {
        var read = Read(ServiceEntry($"hosts: [a.example]\n{Port443}") + "status:\n  addresses: [{value: 240.240.0.1}]\n  anything: 1\n");

        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void UnknownTopLevelField_IsAnError()
    {
        var read = Read(ServiceEntry($"hosts: [a.example]\n{Port443}") + "specs: {}\n");

        Assert.Contains("'spec'", Single(read, "EGR150").Hint, StringComparison.Ordinal);
    }
}

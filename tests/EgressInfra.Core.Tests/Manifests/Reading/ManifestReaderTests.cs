using EgressInfra.Core.Manifests.Reading;
using static EgressInfra.Core.Tests.Manifests.Reading.ManifestYaml;

namespace EgressInfra.Core.Tests.Manifests.Reading;

public class ManifestReaderTests
{
    [Theory]
    [InlineData("- a\n- b\n", "a list")]
    [InlineData("just words\n", "the string \"just words\"")]
    public void DocumentThatIsNotAMapping_IsNotAnObject(string yaml, string described)
    {
        var read = Read(yaml);

        Assert.Equal(ManifestKind.Invalid, read.Kind);
        Assert.Contains(described, Single(read, "EGR159").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind: ServiceEntry\nmetadata: {name: a}\n", "apiVersion")]
    [InlineData("apiVersion: networking.istio.io/v1\nmetadata: {name: a}\n", "kind")]
    public void MissingTypeField_IsReported(string yaml, string path)
    {
        var read = Read(yaml);

        Assert.Equal(path, Single(read, "EGR160").Path);
    }

    [Fact]
    public void UnservedVersion_IsAnUnknownResourceType()
    {
        var read = Read("apiVersion: networking.istio.io/v2\nkind: ServiceEntry\nmetadata: {name: a}\nspec: {hosts: [a.example]}\n");

        var d = Single(read, "EGR161");
        Assert.Equal("apiVersion", d.Path);
        Assert.Contains("networking.istio.io/v1beta1", d.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ServiceEntries")]
    [InlineData("serviceentry")]
    public void MisspeltIstioKind_SuggestsTheKind(string kind)
    {
        var read = Read($"apiVersion: networking.istio.io/v1\nkind: {kind}\nmetadata: {{name: a}}\n");

        var d = Single(read, "EGR161");
        Assert.Equal("kind", d.Path);
        Assert.Contains("'ServiceEntry'", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceEntryInTheCoreGroup_IsAnUnknownResourceType()
    {
        var read = Read("apiVersion: v1\nkind: ServiceEntry\nmetadata: {name: a}\n");

        Assert.Equal(ManifestKind.Invalid, read.Kind);
        Single(read, "EGR161");
    }

    [Theory]
    [InlineData("networking.istio.io/v1", "VirtualService")]
    [InlineData("apps/v1", "Deployment")]
    [InlineData("example.com/v1", "ServiceEntry")]
    public void OtherKinds_AreNotRead(string apiVersion, string kind)
    {
        var read = Read($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: a}}\nspec: {{whatever: 1}}\n");

        Assert.Equal(ManifestKind.Other, read.Kind);
        Assert.Equal(kind, read.KindName);
        Assert.Empty(read.Diagnostics);
    }
}

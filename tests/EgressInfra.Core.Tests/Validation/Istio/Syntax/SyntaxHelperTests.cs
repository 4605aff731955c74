using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Tests.Validation.Istio.Syntax;

public class SyntaxHelperTests
{
    [Theory]
    [InlineData("app", true)]
    [InlineData("app.kubernetes.io/name", true)]
    [InlineData("Example.COM/Tier_1", true)]
    [InlineData("a.b-c_d", true)]
    [InlineData("", false)]
    [InlineData("/name", false)]
    [InlineData("a/b/c", false)]
    [InlineData("-app", false)]
    [InlineData("app-", false)]
    [InlineData("exa_mple.com/name", false)]
    public void LabelKey_FollowsKubernetesSyntax(string key, bool expected) => Assert.Equal(expected, LabelSyntax.IsValidKey(key));

    [Fact]
    public void LabelKey_LimitsNameTo63AndPrefixTo253()
    {
        Assert.True(LabelSyntax.IsValidKey(new string('a', 63)));
        Assert.False(LabelSyntax.IsValidKey(new string('a', 64)));
        Assert.True(LabelSyntax.IsValidKey(new string('a', 253) + "/x"));
        Assert.False(LabelSyntax.IsValidKey(new string('a', 254) + "/x"));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("v1", true)]
    [InlineData("1.2_3-4", true)]
    [InlineData("-v1", false)]
    [InlineData("a b", false)]
    [InlineData("a/b", false)]
    public void LabelValue_IsEmptyOrAQualifiedName(string value, bool expected) => Assert.Equal(expected, LabelSyntax.IsValidValue(value));

    [Fact]
    public void LabelValue_HasNoLengthLimitInIstio() => Assert.True(LabelSyntax.IsValidValue(new string('a', 100)));

    [Theory]
    [InlineData("/var/run/app.sock", true)]
    [InlineData("@abstract", true)]
    [InlineData("", false)]
    [InlineData("relative.sock", false)]
    [InlineData("/var/run/", false)]
    public void UnixPath_IsAbsoluteOrAbstract(string path, bool expected) => Assert.Equal(expected, UnixAddress.IsValidPath(path));

    [Theory]
    [InlineData("TCP", IstioProtocol.Tcp)]
    [InlineData("tcp", IstioProtocol.Tcp)]
    [InlineData("GRPC-Web", IstioProtocol.GrpcWeb)]
    [InlineData("grpc-web", IstioProtocol.GrpcWeb)]
    [InlineData("HTTP_PROXY", IstioProtocol.HttpProxy)]
    [InlineData("Mongo", IstioProtocol.Mongo)]
    [InlineData("REDIS", IstioProtocol.Redis)]
    [InlineData("RED\u0130S", IstioProtocol.Redis)]
    [InlineData("MySQL", IstioProtocol.MySql)]
    [InlineData("udp", IstioProtocol.Udp)]
    [InlineData("", IstioProtocol.Unset)]
    [InlineData(null, IstioProtocol.Unset)]
    [InlineData("HBONE", IstioProtocol.Unsupported)]
    [InlineData("DoubleHBONE", IstioProtocol.Unsupported)]
    [InlineData("SCTP", IstioProtocol.Unsupported)]
    [InlineData("GRPC_WEB", IstioProtocol.Unsupported)]
    public void Protocol_ParsesCaseInsensitivelyLikeIstio(string? text, IstioProtocol expected) => Assert.Equal(expected, IstioProtocols.Parse(text));

    [Theory]
    [InlineData(IstioProtocol.Http, true, false, false)]
    [InlineData(IstioProtocol.Http2, true, false, false)]
    [InlineData(IstioProtocol.HttpProxy, true, false, false)]
    [InlineData(IstioProtocol.Grpc, true, false, false)]
    [InlineData(IstioProtocol.GrpcWeb, true, false, false)]
    [InlineData(IstioProtocol.Https, false, true, true)]
    [InlineData(IstioProtocol.Tls, false, true, true)]
    [InlineData(IstioProtocol.Tcp, false, false, true)]
    [InlineData(IstioProtocol.Mongo, false, false, true)]
    [InlineData(IstioProtocol.Redis, false, false, true)]
    [InlineData(IstioProtocol.MySql, false, false, true)]
    [InlineData(IstioProtocol.Udp, false, false, false)]
    [InlineData(IstioProtocol.Unset, false, false, false)]
    [InlineData(IstioProtocol.Unsupported, false, false, false)]
    public void Protocol_Families(IstioProtocol protocol, bool http, bool tls, bool tcp)
    {
        Assert.Equal(http, protocol.IsHttp());
        Assert.Equal(tls, protocol.IsTls());
        Assert.Equal(tcp, protocol.IsTcp());
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("-12", true)]
    [InlineData("+7", true)]
    [InlineData("9223372036854775807", true)]
    [InlineData("-9223372036854775808", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("", false)]
    [InlineData("-", false)]
    [InlineData("1_000", false)]
    [InlineData(" 1", false)]
    [InlineData("١", false)]
    public void Atoi_MatchesGo(string text, bool expected) => Assert.Equal(expected, GoText.IsAtoi(text));

    [Theory]
    [InlineData("false", true)]
    [InlineData("FALSE", true)]
    [InlineData("fal\u017Fe", true)]
    [InlineData("no", false)]
    public void EqualFold_MatchesGo(string text, bool expected) => Assert.Equal(expected, GoText.EqualFold(text, "false"));
}

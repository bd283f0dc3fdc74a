using AiSoc.Core.Normalizers.Common;

namespace AiSoc.Core.Tests.Normalizers;

public class ProviderAlertIdsTests
{
    [Theory]
    [InlineData("2518547570966661760_526e34b6-6578-4fc0-9db6-e126b4d673f0", "526e34b6-6578-4fc0-9db6-e126b4d673f0")]
    [InlineData("526e34b6-6578-4fc0-9db6-e126b4d673f0", "526e34b6-6578-4fc0-9db6-e126b4d673f0")]
    [InlineData("da637551227677560813_-961444813", "da637551227677560813_-961444813")]
    [InlineData("12_526e34b6-6578-4fc0-9db6-e126b4d673f0", "12_526e34b6-6578-4fc0-9db6-e126b4d673f0")]
    [InlineData("25185475709666617x0_526e34b6-6578-4fc0-9db6-e126b4d673f0", "25185475709666617x0_526e34b6-6578-4fc0-9db6-e126b4d673f0")]
    public void Canonical_Id_StripsOnlyDefenderForCloudPrefix(string id, string expected)
    {
        Assert.Equal(expected, ProviderAlertIds.Canonical(id));
    }
}

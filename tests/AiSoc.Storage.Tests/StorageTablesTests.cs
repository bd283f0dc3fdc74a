using Azure.Data.Tables;

namespace AiSoc.Storage.Tests;

public sealed class StorageTablesTests
{
    private static readonly TableServiceClient Service = new("UseDevelopmentStorage=true");

    [Fact]
    public void Get_WithPrefix_PrefixesName()
    {
        var tables = new StorageTables(Service, "staging");

        Assert.Equal("stagingalerts", tables.Get(StorageTableNames.Alerts).Name);
    }

    [Fact]
    public void Names_WithoutPrefix_AreDefaults()
    {
        var tables = new StorageTables(Service);

        Assert.Equal(StorageTableNames.All, tables.Names);
    }

    [Fact]
    public void Create_PrefixWithHyphen_ThrowsNamingPrefix()
    {
        var error = Assert.Throws<ArgumentException>(() => new StorageTables(Service, "dev-2"));

        Assert.Contains("'dev-2'", error.Message, StringComparison.Ordinal);
    }
}

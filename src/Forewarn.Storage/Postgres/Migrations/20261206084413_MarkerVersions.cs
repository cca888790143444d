using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MarkerVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MarkerVersion",
                table: "artifacts",
                type: "integer",
                nullable: false,
                defaultValue: 1); // artifacts stored before marker versions were prepared with version 1
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MarkerVersion",
                table: "artifacts");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FactHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fact_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Facts = table.Column<string>(type: "TEXT", nullable: true),
                    Generation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReachesBack = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fact_history", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fact_history_From",
                table: "fact_history",
                column: "From");

            migrationBuilder.CreateIndex(
                name: "IX_fact_history_Generation",
                table: "fact_history",
                column: "Generation");

            migrationBuilder.CreateIndex(
                name: "IX_fact_history_Kind_Subject_From",
                table: "fact_history",
                columns: new[] { "Kind", "Subject", "From" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fact_history");
        }
    }
}

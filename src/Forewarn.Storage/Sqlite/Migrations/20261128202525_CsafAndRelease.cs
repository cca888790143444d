using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CsafAndRelease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Vulnerabilities",
                table: "advisories",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "advisories",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Products",
                table: "advisories",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "References",
                table: "advisories",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Tlp",
                table: "advisories",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Amber");

            // Product names become products with ids, as Product.Named would give them.
            migrationBuilder.Sql("""
                UPDATE advisories SET "Products" = (SELECT json_group_array(json_object('id', 'FWPID-' || (key + 1), 'name', value)) FROM json_each(advisories."AffectedProducts"));
                """);

            // SQLite drops a plain column in place (3.35+): no table rebuild, so the whole migration stays one transaction.
            migrationBuilder.Sql("ALTER TABLE advisories DROP COLUMN \"AffectedProducts\";");

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notices_advisories_AdvisoryId",
                        column: x => x.AdvisoryId,
                        principalTable: "advisories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_notices_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "publications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrackingId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Document = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sha512 = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", nullable: false),
                    InitialReleaseDate = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrentReleaseDate = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_publications_advisories_AdvisoryId",
                        column: x => x.AdvisoryId,
                        principalTable: "advisories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notices_AdvisoryId_At",
                table: "notices",
                columns: new[] { "AdvisoryId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_notices_PartnerId_At",
                table: "notices",
                columns: new[] { "PartnerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_publications_AdvisoryId_Version",
                table: "publications",
                columns: new[] { "AdvisoryId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_publications_Path",
                table: "publications",
                column: "Path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notices");

            migrationBuilder.DropTable(
                name: "publications");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "advisories");

            migrationBuilder.DropColumn(
                name: "Products",
                table: "advisories");

            migrationBuilder.DropColumn(
                name: "References",
                table: "advisories");

            migrationBuilder.DropColumn(
                name: "Tlp",
                table: "advisories");

            migrationBuilder.DropColumn(
                name: "Vulnerabilities",
                table: "advisories");

            migrationBuilder.AddColumn<string>(
                name: "AffectedProducts",
                table: "advisories",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }
    }
}

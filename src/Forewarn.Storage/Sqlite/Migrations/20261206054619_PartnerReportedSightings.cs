using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartnerReportedSightings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "sightings",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "sightings",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportedBy",
                table: "sightings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SampleFileName",
                table: "sightings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SampleMediaType",
                table: "sightings",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SampleSha256",
                table: "sightings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SampleSize",
                table: "sightings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeenWhere",
                table: "sightings",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Trace",
                table: "sightings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "partner_sighting_samples",
                columns: table => new
                {
                    SightingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_sighting_samples", x => x.SightingId);
                    table.ForeignKey(
                        name: "FK_partner_sighting_samples_sightings_SightingId",
                        column: x => x.SightingId,
                        principalTable: "sightings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partner_sighting_samples");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "sightings");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "sightings");

            migrationBuilder.DropColumn(
                name: "ReportedBy",
                table: "sightings");

            migrationBuilder.DropColumn(
                name: "SampleFileName",
                table: "sightings");

            migrationBuilder.DropColumn(
                name: "SampleMediaType",
                table: "sightings");

            migrationBuilder.DropColumn(
                name: "SampleSha256",
                table: "sightings");

            migrationBuilder.DropColumn(
                name: "SampleSize",
                table: "sightings");

            migrationBuilder.DropColumn(
                name: "SeenWhere",
                table: "sightings");

            migrationBuilder.DropColumn(
                name: "Trace",
                table: "sightings");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Postgres.Migrations
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "sightings",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportedBy",
                table: "sightings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SampleFileName",
                table: "sightings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SampleMediaType",
                table: "sightings",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SampleSha256",
                table: "sightings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SampleSize",
                table: "sightings",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeenWhere",
                table: "sightings",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Trace",
                table: "sightings",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "partner_sighting_samples",
                columns: table => new
                {
                    SightingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
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

"""The demo data: a network of real partnerships, told in our users' own words.

Partnerships, funders, people, amounts and dates come from five public
French documents written by municipalities (see the seeds in the project
notes): Anderlecht – Marsassoum and its PLATFORMAwards prize, the Flemish
partnerships with Tarija, San Jerónimo and Nimlaha'kok, the Nord-Pas de
Calais cooperations with Nkong-Zem, Lalo and Safi, the 2014 Jette meeting on
Belgian–Moroccan partnerships. What the documents do not say (e-mails,
phones, day-to-day amounts) is invented and plausible; e-mail addresses use
the reserved ``.example`` domain so that nobody ever writes to a real person.

Historical facts keep their real dates. Everything that must look alive on
the dashboard (missions to come, deadlines overdue or coming, the last three
budget years) is placed relative to ``today``: in the tables below an
``int`` date is a number of days from today, a ``str`` date is fixed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core import records, settings
from core.errors import UserError
from core.i18n import _
from core.spec import TABLE_ORDER

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from sqlite_utils import Database

Row = dict[str, Any]
When = int | str | None  # days from today, a fixed ISO date, or nothing
_Line = tuple[int, str | None, str | None]  # budget line id, funder key, project key

MUNICIPALITY = ("Anderlecht", "BE")

# Units per EUR for the currencies without a fixed parity (XOF and XAF have one).
RATES = {"MAD": Decimal("10.85"), "BOB": Decimal("7.55")}
# Saint-Omer (CASO) pays the drinking-water works in Lalo from its water budget, as the
# "1 % Oudin-Santini" law allows; the resources of that budget each year are invented.
ONE_PERCENT_PROJECTS = {"p_eau_lalo": "water"}
WATER_BUDGET_RESOURCES = "4200000.00"

# --- organisations ----------------------------------------------------------

_ORG_FIELDS = ("key", "name", "kind", "country", "city", "address", "website", "email",
               "phone", "notes")
ORGANISATIONS: list[tuple[Any, ...]] = [
    # The municipal services of the network (Anderlecht's own first).
    ("anderlecht_si", "Commune d'Anderlecht – Service Solidarité internationale",
     "municipal_service", "BE", "Anderlecht", "Place du Conseil 1, 1070 Anderlecht",
     "https://www.anderlecht.be", "solidarite.internationale@anderlecht.example",
     "+32 2 558 08 00", "Porte les partenariats avec Marsassoum (Sénégal) et Zagora (Maroc)."),
    ("anderlecht_fin", "Commune d'Anderlecht – Recette communale", "municipal_service", "BE",
     "Anderlecht", "Place du Conseil 1, 1070 Anderlecht", "https://www.anderlecht.be",
     "recette@anderlecht.example", "+32 2 558 08 40",
     "Paiements, justificatifs et rapports financiers du programme CIC."),
    ("brasschaat", "Commune de Brasschaat – Partenariats internationaux", "municipal_service",
     "BE", "Brasschaat", None, "https://www.brasschaat.be",
     "partenariats@brasschaat.example", "+32 3 650 29 00", None),
    ("edegem", "Commune d'Edegem – Coopération internationale", "municipal_service", "BE",
     "Edegem", None, "https://www.edegem.be", "international@edegem.example",
     "+32 3 288 26 00", None),
    ("herent", "Commune de Herent – Coopération internationale", "municipal_service", "BE",
     "Herent", None, "https://www.herent.be", "international@herent.example",
     "+32 16 85 31 00", None),
    ("halluin", "Ville d'Halluin – Coopération Nord/Sud", "municipal_service", "FR", "Halluin",
     None, "https://www.halluin.fr", "cooperation@halluin.example", "+33 3 20 28 83 00", None),
    ("caso", "Communauté d'agglomération de Saint-Omer (CASO)", "municipal_service", "FR",
     "Saint-Omer", None, None, "cooperation@caso.example", "+33 3 21 93 14 00",
     "19 communes, 67 000 habitants ; porte le volet eau potable de la coopération avec Lalo."),
    ("boulogne", "Ville de Boulogne-sur-Mer – Jumelages et coopération décentralisée",
     "municipal_service", "FR", "Boulogne-sur-Mer", None, "https://www.ville-boulogne-sur-mer.fr",
     "jumelages@boulogne.example", "+33 3 21 87 80 80", None),
    # Partner local authorities.
    ("marsassoum", "Commune de Marsassoum", "partner_authority", "SN", "Marsassoum",
     "Hôtel de ville, Marsassoum, région de Sédhiou", None, "mairie@marsassoum.example",
     "+221 33 995 10 10", "Commune de Casamance ; équipe municipale dédiée et motivée."),
    ("tarija", "Municipalidad de Tarija", "partner_authority", "BO", "Tarija", None, None,
     "cooperacion@tarija.example", "+591 4 664 20 00",
     "Les quartiers (OTB) sont associés de manière structurelle aux décisions."),
    ("san_jeronimo", "Municipalidad Distrital de San Jerónimo", "partner_authority", "PE",
     "San Jerónimo", None, None, "alcaldia@sanjeronimo.example", "+51 84 27 10 00", None),
    ("nimlahakok", "Micro-région de Nimlaha'kok", "partner_authority", "GT", "Nimlaha'kok",
     None, None, "nimlahakok@nimlahakok.example", "+502 7951 0000",
     "Communautés q'eqchi' ; priorité au reboisement et aux ressources naturelles."),
    ("nkong_zem", "Commune de Nkong-Zem", "partner_authority", "CM", "Nkong-Zem",
     "Mairie de Nkong-Zem, département de la Ménoua", None, "mairie@nkongzem.example",
     "+237 6 99 00 00 00", None),
    ("lalo", "Commune de Lalo", "partner_authority", "BJ", "Lalo", "Mairie de Lalo, Couffo",
     None, "mairie@lalo.example", "+229 22 00 00 00",
     "Contribue financièrement au partenariat (travaux d'eau potable)."),
    ("safi", "Commune de Safi (جماعة آسفي)", "partner_authority", "MA", "Safi", None, None,
     "cooperation@safi.example", "+212 5 24 46 00 00", None),
    ("zagora", "Province de Zagora", "partner_authority", "MA", "Zagora", "إقليم زاكورة",
     None, "action.sociale@zagora.example", "+212 5 24 84 70 00",
     "Intéressée par le travail d'Anderlecht avec les seniors et les personnes handicapées."),
    # Twinning committees and associations.
    ("comite_safi", "Comité de jumelage Boulogne-sur-Mer – Safi", "twinning_committee", "FR",
     "Boulogne-sur-Mer", None, None, "jumelage.safi@boulogne.example", None, None),
    ("comite_herent", "Comité de jumelage Herent – Nimlaha'kok", "twinning_committee", "BE",
     "Herent", None, None, "nimlahakok@herent.example", None,
     "Bénévoles qui font vivre le lien entre deux visites."),
    ("elans", "Association Elans", "association", "FR", "Halluin", None, None,
     "contact@elans.example", None, "Santé, tourisme équitable et environnement."),
    ("mjc_halluin", "MJC d'Halluin", "association", "FR", "Halluin", None, None,
     "international@mjc-halluin.example", "+33 3 20 37 00 00",
     "Commission internationale ; chantiers de jeunes au Cameroun depuis 1995."),
    ("tockem", "Association Tockem", "association", "CM", "Nkong-Zem", None, None,
     "tockem@tockem.example", "+237 6 77 00 00 00", None),
    ("agence_urba", "Agence d'urbanisme et de développement de la région de Saint-Omer",
     "association", "FR", "Saint-Omer", None, None, "cooperation@aud-stomer.example",
     "+33 3 21 38 01 00", "Opérateur de la coopération avec Lalo (aménagement, SIG)."),
    ("ressortissants", "Association des ressortissants de Marsassoum en Belgique",
     "association", "BE", "Bruxelles", None, None, "marsassoum.be@mail.example", None, None),
    ("femmes_marsassoum", "Groupement de promotion féminine de Marsassoum", "association",
     "SN", "Marsassoum", None, None, None, "+221 77 600 00 00", "Maraîchage et transformation."),
    # NGOs, funders, networks, schools, companies, others.
    ("cimic", "Cimic asbl", "ngo", "BE", "Gand", None, None, "info@cimic.example", None,
     "A accompagné le processus de renouveau 2019-2022 avec Contutti."),
    ("grdr", "GRDR Migration-Citoyenneté-Développement", "ngo", "FR", "Lille", None, None,
     "lille@grdr.example", None, None),
    ("pro_senectute", "Pro Senectute Vaud", "ngo", "CH", "Lausanne", None, None,
     "info@prosenectute-vd.example", None, "Présente à la réunion de Jette (2014)."),
    ("ue", "Union européenne – Commission européenne", "funder", "BE", "Bruxelles", None,
     "https://commission.europa.eu", "platforma.awards@ec.example", None,
     "Prix PLATFORMAwards 2022 : 20 000 € pour la communication et la valorisation."),
    ("brulocalis", "Brulocalis – Programme de Coopération Internationale Communale (CIC)",
     "funder", "BE", "Bruxelles", "Rue d'Arlon 53, 1040 Bruxelles", "https://www.brulocalis.brussels",
     "cic@brulocalis.example", "+32 2 238 51 40",
     "Gère pour les communes bruxelloises le programme fédéral CIC financé par la DGD."),
    ("dgd", "DGD – Direction générale Coopération au développement", "funder", "BE",
     "Bruxelles", None, None, "dgd@diplobel.example", None, "Finance le programme fédéral CIC."),
    ("flandre", "Gouvernement flamand – Affaires étrangères", "funder", "BE", "Bruxelles",
     None, None, "ontwikkelingssamenwerking@vlaanderen.example", None,
     "Appel « ancrer l'agenda du développement international en Flandre 2018 »."),
    ("region_hdf", "Région Hauts-de-France", "funder", "FR", "Lille", None, None,
     "international@hautsdefrance.example", None,
     "Ex-Région Nord-Pas de Calais ; coopère avec la région Doukkala-Abda (Maroc)."),
    ("agence_eau", "Agence de l'eau Artois-Picardie", "funder", "FR", "Douai", None, None,
     "international@eau-artois-picardie.example", "+33 3 27 99 90 00",
     "Appui financier et ingénierie (dispositif 1 % solidaire eau)."),
    ("dept_62", "Conseil départemental du Pas-de-Calais", "funder", "FR", "Arras", None, None,
     "cooperation@pasdecalais.example", None, None),
    ("dept_59", "Conseil départemental du Nord", "funder", "FR", "Lille", None, None,
     "cooperation@lenord.example", None, "A missionné Elans pour la santé dans la Ménoua."),
    ("grand_lyon", "Métropole de Lyon (ex-Grand Lyon)", "funder", "FR", "Lyon", None, None,
     "solidarite.eau@grandlyon.example", None,
     "Cofinance le réseau d'adduction d'eau potable de Lalo."),
    ("vvsg", "VVSG – Association des villes et communes flamandes", "support_network", "BE",
     "Bruxelles", None, "https://www.vvsg.be", "internationaal@vvsg.example", None, None),
    ("lianes", "Lianes coopération", "support_network", "FR", "Lille", None, None,
     "contact@lianescooperation.example", None,
     "Réseau régional multi-acteurs ; base de données de 2 000 acteurs."),
    ("cuf", "Cités Unies France", "support_network", "FR", "Paris", None, None,
     "contact@cites-unies.example", None, None),
    ("together", "Réseau Together – territoires de coresponsabilité", "support_network", None,
     None, None, None, None, None, "Démarche SPIRAL, développée au Maroc depuis 2013."),
    ("platforma", "PLATFORMA – villes et régions pour le développement", "support_network",
     "BE", "Bruxelles", None, None, "info@platforma.example", None, None),
    ("uajms", "Universidad Autónoma Juan Misael Saracho", "school", "BO", "Tarija", None, None,
     None, None, "Suivi scientifique de la qualité de l'eau des sources."),
    ("ecole_nkong", "École publique de Nkong-Zem", "school", "CM", "Nkong-Zem", None, None,
     None, None, "Correspondance scolaire avec les écoles d'Halluin."),
    ("lycee_safi", "Lycée professionnel hôtelier de Safi", "school", "MA", "Safi", None, None,
     None, None, None),
    ("contutti", "Contutti", "company", "BE", "Louvain", None, None, "info@contutti.example",
     None, "Accompagnement de processus participatifs."),
    ("triselec", "Triselec", "company", "FR", None, None, None, None, None,
     "Centre de tri des déchets ; nourrit les échanges sur la gestion des déchets."),
    ("ambassade_dakar", "Ambassade de Belgique à Dakar", "other", "SN", "Dakar", None, None,
     None, "+221 33 889 43 90", "Visas Schengen pour les délégations de Marsassoum."),
    ("ambassade_rabat", "Ambassade de Belgique à Rabat", "other", "MA", "Rabat", None, None,
     None, "+212 5 37 26 80 60", "Visas Schengen pour les délégations marocaines."),
]

# --- contacts ---------------------------------------------------------------

_CONTACT_FIELDS = ("key", "first_name", "last_name", "organisation", "role", "email", "phone",
                   "languages", "country", "legal_basis", "legal_basis_date", "notes")
CONTACTS: list[tuple[Any, ...]] = [
    ("verhaegen", "Hélène", "Verhaegen", "anderlecht_si",
     "Échevine de la Solidarité internationale", "helene.verhaegen@anderlecht.example",
     "+32 2 558 08 10", "français, néerlandais", "BE", "public_task", -700,
     "A repris le dossier Marsassoum après les élections communales."),
    ("milquet", "Julien", "Milquet", "anderlecht_si",
     "Échevin des Sports, de la Cohésion sociale, des Cultes et de la Solidarité internationale",
     "julien.milquet@anderlecht.example", "+32 2 558 08 11", "français, néerlandais", "BE",
     "public_task", "2019-01-07", "A reçu le premier prix des PLATFORMAwards 2022 à Grenoble."),
    ("marie", "Anaïs", "Marie", "anderlecht_si",
     "Chargée de projet : relations internationales et partenariats",
     "anais.marie@anderlecht.example", "+32 2 558 08 12", "français, néerlandais, anglais",
     "BE", "public_task", "2019-01-07", None),
    ("wauters", "Nathalie", "Wauters", "anderlecht_fin", "Receveuse communale",
     "nathalie.wauters@anderlecht.example", "+32 2 558 08 41", "français, néerlandais", "BE",
     "public_task", "2019-01-07", "Membre du comité de pilotage (finances et RH)."),
    ("vandenbroucke", "Chantal", "Vandenbroucke", None,
     "Citoyenne bénévole – comité de pilotage", "chantal.vdb@mail.example",
     "+32 475 12 34 56", "français, néerlandais", "BE", "consent", "2021-09-14",
     "Intéressée par les jumelages européens ; a repris bénévolement des contacts à Marsassoum."),
    ("mandiang", "Sény", "Mandiang", "marsassoum", "Maire", "maire@marsassoum.example",
     "+221 77 512 34 56", "français, mandingue, wolof", "SN", "public_task", "2019-01-07", None),
    ("badji", "Ousmane", "Badji", "marsassoum", "Secrétaire municipal",
     "ousmane.badji@marsassoum.example", "+221 77 634 21 08", "français, diola, wolof", "SN",
     "public_task", "2019-01-07", None),
    ("diedhiou", "Aïssatou", "Diédhiou", "marsassoum", "Coordinatrice du programme CIC",
     "aissatou.diedhiou@marsassoum.example", "+221 76 218 45 90", "français, diola, mandingue",
     "SN", "public_task", "2022-02-01", "Point focal au quotidien ; préfère WhatsApp."),
    ("sane", "Lamine", "Sané", "marsassoum", "Chef du service financier municipal",
     "lamine.sane@marsassoum.example", "+221 77 455 12 87", "français, mandingue", "SN",
     "public_task", "2022-02-01", None),
    ("coly", "Fatou", "Coly", "femmes_marsassoum", "Présidente du groupement", None,
     "+221 78 301 66 42", "mandingue, français", "SN", "consent", "2022-06-12", None),
    ("vanhay", "Quentin", "Vanhay", "brulocalis", "Chargé de la communication externe",
     "quentin.vanhay@brulocalis.example", "+32 2 238 51 60", "français, néerlandais", "BE",
     "legitimate_interest", "2022-12-01", None),
    ("lemaire", "Sophie", "Lemaire", "brulocalis", "Chargée de mission – programme CIC",
     "sophie.lemaire@brulocalis.example", "+32 2 238 51 45", "français, néerlandais", "BE",
     "legitimate_interest", "2022-01-10", "Reçoit les rapports narratifs et financiers."),
    ("amziane", "يوسف", "أمزيان", "zagora", "Chef de la division de l'action sociale",
     "y.amziane@zagora.example", "+212 6 61 23 45 67", "arabe, amazighe, français", "MA",
     "public_task", -300, "Youssef Amziane ; parle français."),
    ("benali", "فاطمة الزهراء", "بنعلي", "zagora", "Chargée de mission coopération",
     "fz.benali@zagora.example", "+212 6 70 98 76 54", "arabe, français", "MA", "public_task",
     -300, "Fatima Zahra Benali."),
    ("elidrissi", "Karim", "El Idrissi", None, "Interprète arabe–français",
     "karim.elidrissi@mail.example", "+32 486 55 44 33", "arabe, français, néerlandais", "BE",
     "contract", -140, None),
    ("alaoui", "محمد", "العلوي", "safi", "Vice-président du conseil communal, coopération",
     "m.alaoui@safi.example", "+212 6 62 11 22 33", "arabe, français", "MA", "public_task",
     "2009-05-18", "Mohammed Alaoui."),
    ("hingrez", "Mireille", "Hingrez", "boulogne",
     "Adjointe chargée des jumelages et de la coopération décentralisée",
     "mireille.hingrez@boulogne.example", "+33 3 21 87 80 81", "français", "FR",
     "public_task", "2009-05-18", None),
    ("lefevre", "Jean-Marc", "Lefèvre", "comite_safi", "Président du comité de jumelage",
     "jm.lefevre@mail.example", "+33 6 12 34 56 78", "français", "FR", "consent",
     "2012-03-01", None),
    ("vandenbossche", "Katrien", "Van den Bossche", "brasschaat",
     "Coordinatrice des partenariats internationaux",
     "katrien.vandenbossche@brasschaat.example", "+32 3 650 29 41",
     "néerlandais, français, espagnol", "BE", "public_task", "2019-01-15", None),
    ("gutierrez", "María Fernanda", "Gutiérrez Vaca", "tarija",
     "Directrice de l'Environnement et de l'Eau", "mf.gutierrez@tarija.example",
     "+591 72 94 15 30", "espagnol", "BO", "public_task", "2019-01-15", None),
    ("quiroga", "José Luis", "Quiroga", "tarija", "Responsable de la participation des quartiers",
     "jl.quiroga@tarija.example", "+591 71 86 42 10", "espagnol, quechua", "BO",
     "public_task", "2021-06-08", None),
    ("ramirez", "Lucía", "Ramírez Peña", None, "Interprète espagnol–néerlandais",
     "lucia.ramirez@mail.example", "+32 494 21 43 65", "espagnol, néerlandais, français", "BE",
     "contract", "2021-06-01", "Interprétation simultanée des dialogues numériques."),
    ("desmet", "Marleen", "De Smet", "edegem", "Ancienne coordinatrice du partenariat",
     "marleen.desmet@edegem.example", "+32 3 288 26 31", "néerlandais, espagnol", "BE",
     "public_task", "2019-01-15", "Partie à la retraite en 2021 ; garde le lien symbolique."),
    ("quispe", "Jorge", "Quispe Huamán", "san_jeronimo", "Responsable du développement social",
     None, "+51 984 123 456", "espagnol, quechua", "PE", "public_task", "2019-01-15", None),
    ("janssens", "Els", "Janssens", "herent", "Chargée de mission Partenariat Nimlaha'kok",
     "els.janssens@herent.example", "+32 16 85 31 22", "néerlandais, espagnol, français", "BE",
     "public_task", "2019-01-15", None),
    ("claes", "Pieter", "Claes", "comite_herent", "Président du comité de jumelage",
     "pieter.claes@mail.example", "+32 477 81 92 03", "néerlandais, espagnol", "BE",
     "consent", "2019-01-15", None),
    ("caal", "Rigoberto", "Caal Pop", "nimlahakok", "Coordinateur de la micro-région",
     "rigoberto.caal@nimlahakok.example", "+502 5512 3344", "espagnol, q'eqchi'", "GT",
     "public_task", "2019-01-15", None),
    ("xol", "Juana", "Xol Choc", "nimlahakok", "Responsable du projet de reboisement", None,
     "+502 4021 7788", "q'eqchi', espagnol", "GT", "consent", "2021-10-26", None),
    ("desbuquois", "Marc", "Desbuquois", "halluin",
     "Adjoint au maire chargé de la coopération Nord/Sud", "marc.desbuquois@halluin.example",
     "+33 3 20 28 83 10", "français", "FR", "public_task", "2009-12-10", None),
    ("fellah", "Saïd", "Fellah", "mjc_halluin", "Animateur de la MJC",
     "said.fellah@mjc-halluin.example", "+33 6 71 22 33 44", "français, arabe", "FR",
     "public_task", "2009-12-10", None),
    ("tchinda", "Jean-Pierre", "Tchinda", "nkong_zem", "Maire", "maire@nkongzem.example",
     "+237 6 77 12 34 56", "français, yemba", "CM", "public_task", "2020-03-01", None),
    ("fotso", "Bernadette", "Fotso", "tockem", "Présidente de l'association Tockem",
     "b.fotso@tockem.example", "+237 6 99 87 65 43", "français, yemba", "CM", "consent",
     "2020-03-01", None),
    ("merelle", "Franck", "Merelle", "agence_urba", "Directeur de l'agence d'urbanisme",
     "f.merelle@aud-stomer.example", "+33 3 21 38 01 01", "français", "FR", "public_task",
     "2009-12-10", None),
    ("rochas", "Nicolas", "Rochas", "agence_urba",
     "Chargé des études observatoires/SIG/coopération internationale",
     "n.rochas@aud-stomer.example", "+33 3 21 38 01 12", "français, anglais", "FR",
     "public_task", "2009-12-10", None),
    ("ahouansou", "Codjo", "Ahouansou", "lalo", "Maire", "maire@lalo.example",
     "+229 97 12 34 56", "français, adja, fon", "BJ", "public_task", "2020-06-01", None),
    ("gbaguidi", "Mathilde", "Gbaguidi", "lalo", "Secrétaire générale de la mairie",
     "m.gbaguidi@lalo.example", "+229 96 65 43 21", "français, fon", "BJ", "public_task",
     "2020-06-01", None),
    ("derisbourg", "François", "Derisbourg", "lianes", "Chargé de mission",
     "f.derisbourg@lianescooperation.example", "+33 3 20 85 10 90", "français", "FR",
     "legitimate_interest", "2009-12-10", None),
    ("lefebvre", "Thierry", "Lefebvre", "agence_eau",
     "Chargé de mission coopération internationale",
     "t.lefebvre@eau-artois-picardie.example", "+33 3 27 99 90 44", "français", "FR",
     "legitimate_interest", "2018-04-01", None),
]

# --- partnerships -----------------------------------------------------------

PARTNERSHIPS: list[Row] = [
    {"key": "marsassoum", "name": "Anderlecht – Marsassoum", "partner": "marsassoum",
     "country": "SN", "status": "active", "start_date": "2018-03-01",
     "agreement_signed_date": -1766, "agreement_expiry_date": 60,
     "framework_programme": "Programme fédéral de Coopération Internationale Communale (CIC), "
                            "financé par la DGD et délégué à Brulocalis pour les communes "
                            "bruxelloises",
     "themes": "Gouvernance locale ; finances communales ; inclusion des femmes et des "
               "personnes handicapées ; budget participatif",
     "sdgs": [1, 5, 10, 16, 17],
     "summary": "Partenariat de commune à commune depuis 2018, très bien encadré et soutenu "
                "par le programme fédéral CIC via Brulocalis. Priorités : l'équilibre des "
                "finances de la commune de Marsassoum et l'inclusion des femmes, des personnes "
                "porteuses d'un handicap et des ménages précarisés. Premier prix des "
                "PLATFORMAwards 2022 (Grenoble, 6 décembre 2022) : 20 000 € de l'Union "
                "européenne pour la communication et la valorisation. Comité de pilotage : "
                "service Solidarité internationale, receveuse communale, une citoyenne "
                "bénévole."},
    {"key": "zagora", "name": "Anderlecht – Zagora", "partner": "zagora", "country": "MA",
     "status": "exploratory", "start_date": -420,
     "framework_programme": "À définir (piste : programme CIC, volet social et santé)",
     "themes": "Social ; santé ; seniors ; personnes handicapées", "sdgs": [3, 10],
     "summary": "Second partenariat au Sud envisagé par Anderlecht, axé social et santé. La "
                "province de Zagora souhaite voir comment la commune travaille avec les "
                "seniors et les personnes handicapées. Mission exploratoire réalisée ; visite "
                "de la délégation marocaine en préparation."},
    {"key": "tarija", "name": "Brasschaat – Tarija", "partner": "tarija", "country": "BO",
     "status": "active", "start_date": "2004-01-01", "agreement_signed_date": "2022-11-22",
     "agreement_expiry_date": "2027-11-22",
     "framework_programme": "Processus de renouveau 2019-2022 (appel flamand « ancrer "
                            "l'agenda du développement international en Flandre 2018 »), "
                            "accompagné par Cimic et Contutti",
     "themes": "Eau ; protection des sources ; verdissement ; participation citoyenne",
     "sdgs": [6, 11, 13, 15],
     "summary": "Partenariat depuis 2004. Le processus de renouveau a conduit à un nouvel "
                "accord de coopération qui définit les attentes des deux partenaires et leurs "
                "priorités communes. Projets miroirs : verdissement des plaines de jeux à "
                "Brasschaat, protection des sources d'eau à Tarija. Participation commune à la "
                "Semaine de la commune durable (septembre 2022) : 12 héros durables à Tarija."},
    {"key": "edegem", "name": "Edegem – San Jerónimo", "partner": "san_jeronimo",
     "country": "PE", "status": "ended", "start_date": "2004-01-01", "end_date": "2020-06-30",
     "framework_programme": "Programme fédéral CIC via la VVSG (fin en juin 2020)",
     "themes": "Développement social ; participation", "sdgs": [10, 17],
     "summary": "Partenariat 2004-2020. Edegem avait prévu dès le départ une stratégie de "
                "sortie, comme le demande le programme fédéral, et a invoqué la clause de "
                "rupture lorsque les équipes n'étaient plus sur la même longueur d'onde. Les "
                "deux communes ont quitté le processus de renouveau ; la fraternité "
                "symbolique demeure."},
    {"key": "herent", "name": "Herent – Nimlaha'kok", "partner": "nimlahakok", "country": "GT",
     "status": "active", "start_date": "2001-01-01",
     "framework_programme": "Processus de renouveau 2019-2022 (Cimic, Contutti, VVSG)",
     "themes": "Reboisement ; ressources naturelles ; revenus durables ; climat",
     "sdgs": [13, 15, 17],
     "summary": "Partenariat depuis 2001. Herent proposait des microcrédits ; Nimlaha'kok a "
                "choisi un projet qu'elle caressait depuis longtemps : le reboisement, pour "
                "protéger les ressources naturelles tout en créant des revenus durables. Route "
                "des ODD organisée ensemble au fil des communautés (ODD 13)."},
    {"key": "halluin", "name": "Halluin – Nkong-Zem", "partner": "nkong_zem", "country": "CM",
     "status": "active", "start_date": "1995-01-01", "agreement_signed_date": -700,
     "agreement_expiry_date": 395,
     "framework_programme": "Appel à projets coopération décentralisée de la Région "
                            "Hauts-de-France ; soutien du Département du Nord",
     "themes": "Santé ; tourisme équitable ; environnement et déchets ; éducation ; jeunesse",
     "sdgs": [3, 4, 8, 12],
     "summary": "Née de l'amitié entre un étudiant en médecine camerounais et des Halluinois. "
                "La ville travaille avec Elans (santé, tourisme équitable, environnement), la "
                "MJC (éducation, chantiers de jeunes) et l'association camerounaise Tockem. "
                "Projet croisé entre les écoles d'Halluin et de Nkong-Zem."},
    {"key": "lalo", "name": "Saint-Omer – Lalo", "partner": "lalo", "country": "BJ",
     "status": "active", "start_date": "2008-06-01", "agreement_signed_date": -400,
     "agreement_expiry_date": 700,
     "framework_programme": "Dispositif 1 % solidaire eau (Agence de l'eau Artois-Picardie) ; "
                            "Métropole de Lyon ; Département du Pas-de-Calais",
     "themes": "Eau potable ; assainissement ; aménagement du territoire ; SIG",
     "sdgs": [3, 6, 11],
     "summary": "Première réunion avec les élus béninois en juin 2008, première délégation en "
                "février 2009, première convention pluriannuelle 2010-2012. L'agence "
                "d'urbanisme est l'opérateur ; la CASO porte l'eau potable avec ses "
                "techniciens. La commune de Lalo apporte sa contribution financière."},
    {"key": "safi", "name": "Boulogne-sur-Mer – Safi", "partner": "safi", "country": "MA",
     "status": "dormant", "start_date": "2006-11-01",
     "framework_programme": "Coopération de la Région Nord-Pas de Calais avec la région "
                            "Doukkala-Abda",
     "themes": "Culture ; éducation ; économie ; école hôtelière", "sdgs": [4, 8, 11],
     "summary": "Coopération engagée en novembre 2006 (remparts, ports, patrimoine). En veille "
                "car engagée de manière trop institutionnelle : « l'humain en était absent ». "
                "Le forum associatif de la Région a permis d'y associer des associations de "
                "quartier ; à relancer avec les habitants."},
]

_LINK_FIELDS = ("partnership", "contact", "role", "notes")
PARTNERSHIP_CONTACTS: list[tuple[Any, ...]] = [
    ("marsassoum", "verhaegen", "elected_referent", None),
    ("marsassoum", "milquet", "other", "Échevin référent lors du prix PLATFORMAwards 2022."),
    ("marsassoum", "marie", "coordinator", None),
    ("marsassoum", "wauters", "steering_committee", None),
    ("marsassoum", "vandenbroucke", "steering_committee", "Citoyenne bénévole."),
    ("marsassoum", "mandiang", "other", "Maire, signataire de la convention."),
    ("marsassoum", "badji", "focal_point", None),
    ("marsassoum", "diedhiou", "focal_point", "Coordination du programme sur place."),
    ("marsassoum", "sane", "steering_committee", "Comité de pilotage à Marsassoum."),
    ("marsassoum", "lemaire", "other", "Suivi du programme CIC chez Brulocalis."),
    ("zagora", "verhaegen", "elected_referent", None),
    ("zagora", "marie", "coordinator", None),
    ("zagora", "amziane", "focal_point", None),
    ("zagora", "benali", "other", None),
    ("zagora", "elidrissi", "interpreter", None),
    ("tarija", "vandenbossche", "coordinator", None),
    ("tarija", "gutierrez", "focal_point", None),
    ("tarija", "quiroga", "other", "Participation des quartiers."),
    ("tarija", "ramirez", "interpreter", None),
    ("edegem", "desmet", "coordinator", "Jusqu'à la fin du partenariat en 2020."),
    ("edegem", "quispe", "focal_point", None),
    ("herent", "janssens", "coordinator", None),
    ("herent", "claes", "steering_committee", None),
    ("herent", "caal", "focal_point", None),
    ("herent", "xol", "other", "Projet de reboisement."),
    ("herent", "ramirez", "interpreter", None),
    ("halluin", "desbuquois", "elected_referent", None),
    ("halluin", "fellah", "coordinator", "Volet jeunesse et éducation."),
    ("halluin", "tchinda", "other", "Maire de Nkong-Zem."),
    ("halluin", "fotso", "focal_point", None),
    ("lalo", "rochas", "coordinator", None),
    ("lalo", "merelle", "steering_committee", None),
    ("lalo", "ahouansou", "other", "Maire de Lalo."),
    ("lalo", "gbaguidi", "focal_point", None),
    ("lalo", "lefebvre", "other", "Cofinanceur (Agence de l'eau)."),
    ("safi", "hingrez", "elected_referent", None),
    ("safi", "lefevre", "coordinator", None),
    ("safi", "alaoui", "focal_point", None),
]

# --- projects ---------------------------------------------------------------

_PROJECT_FIELDS = ("key", "partnership", "title", "location", "status", "start_date",
                   "end_date", "themes", "sdgs", "dac_sector", "objectives", "results")
PROJECTS: list[tuple[Any, ...]] = [
    ("p_finances", "marsassoum", "Équilibre des finances communales de Marsassoum", "there",
     "ongoing", "2022-01-01", 400, "Gouvernance ; fiscalité locale", [16, 17], "15112",
     "Améliorer le recouvrement des taxes municipales et la tenue du budget ; former les "
     "agents municipaux ; équiper la recette municipale.",
     "Registre des contribuables mis à jour ; recettes propres en hausse chaque année."),
    ("p_inclusion", "marsassoum", "Inclusion des femmes et des personnes handicapées", "there",
     "ongoing", "2022-01-01", 400, "Inclusion ; genre ; handicap", [5, 10], "15170",
     "Associer les femmes, les personnes porteuses d'un handicap et les ménages précarisés "
     "aux décisions communales.", None),
    ("p_maraichage", "marsassoum", "Appui aux groupements maraîchers de femmes", "there",
     "completed", "2019-01-01", "2021-12-31", "Agriculture ; revenus des femmes", [2, 5],
     "31120", "Clôturer et irriguer deux périmètres maraîchers.",
     "Deux hectares clôturés, un forage solaire, 85 maraîchères."),
    ("p_valorisation", "marsassoum", "Valorisation du partenariat (prix PLATFORMAwards)",
     "both", "completed", "2023-01-15", "2024-06-30", "Communication ; sensibilisation", [17],
     "99820", "Faire connaître le partenariat ici et là-bas : film, interviews d'habitants, "
     "exposition photo.", "Un film de 12 minutes, une exposition, une projection publique."),
    ("p_zagora", "zagora", "Diagnostic partagé : seniors et personnes handicapées", "both",
     "planned", 60, 420, "Social ; santé", [3, 10], "16010",
     "Comparer les pratiques des deux territoires et choisir un premier projet commun.", None),
    ("p_sources", "tarija", "Protection des sources d'eau de Tarija", "there", "ongoing",
     "2021-05-01", 500, "Eau ; environnement", [6, 13, 15], "14015",
     "Protéger les captages des quartiers par des clôtures et du reboisement.", None),
    ("p_plaines", "tarija", "Désimperméabilisation et verdissement des plaines de jeux",
     "here", "completed", "2021-05-01", "2022-10-31", "Climat ; espaces publics", [11, 13],
     None, "Projet miroir à Brasschaat.", "Trois plaines de jeux verdies."),
    ("p_heros", "tarija", "Héros durables – Semaine de la commune durable", "both",
     "completed", "2022-09-01", "2022-09-30", "ODD ; participation", [11, 17], "99820",
     "Mettre en évidence les ODD au niveau local.",
     "Exposition commune à Brasschaat ; poème d'une poétesse de Tarija illustré par une "
     "artiste de Brasschaat ; 12 héros célébrés à Tarija."),
    ("p_reboisement", "herent", "Reboisement et revenus durables à Nimlaha'kok", "there",
     "ongoing", "2021-10-26", 365, "Forêt ; revenus ; climat", [13, 15], "31220",
     "Reboiser pour protéger les ressources naturelles et créer une source de revenus "
     "durable.", "Pépinière communautaire en service."),
    ("p_ecoles", "halluin", "Projet croisé entre les écoles d'Halluin et de Nkong-Zem", "both",
     "ongoing", "2019-09-01", 220, "Éducation ; jeunesse", [4], "11220",
     "Les élèves racontent par la photo et l'écrit comment ils voient leur environnement.",
     None),
    ("p_dechets", "halluin", "Gestion des déchets ménagers à Nkong-Zem", "there", "ongoing",
     "2020-03-01", 300, "Environnement ; déchets", [11, 12], "14050",
     "Mettre en place une collecte et un tri efficaces avec Tockem.", None),
    ("p_tourisme", "halluin", "Tourisme équitable : lieu d'accueil à Nkong-Zem", "there",
     "completed", "2005-01-01", "2009-12-31", "Tourisme équitable ; patrimoine", [8], "33210",
     "Créer un lieu d'accueil pour valoriser le patrimoine local.",
     "Des Halluinois s'y rendent chaque année."),
    ("p_eau_lalo", "lalo", "Adduction d'eau potable à Lalo", "there", "ongoing", "2010-01-01",
     600, "Eau potable ; santé", [3, 6], "14030",
     "Gérer, stocker et acheminer l'eau des arrondissements de Lalo.", None),
    ("p_sig_lalo", "lalo", "Outil cartographique d'aide à la décision (SIG)", "there",
     "completed", "2009-02-01", "2012-12-31", "Aménagement du territoire", [11], "43030",
     "Doter la commune d'un outil de cartographie.", "Atlas communal et formation des agents."),
    ("p_hotel_safi", "safi", "École hôtelière de Safi", "both", "suspended", "2009-01-01",
     None, "Formation professionnelle ; tourisme", [4, 8], "11330",
     "Mobiliser les acteurs de l'éducation d'ici et de là-bas autour d'une école hôtelière.",
     None),
]

# --- missions ---------------------------------------------------------------

_PROGRAMME_2020 = """\
Jeudi 12 mars : arrivée à Zaventem ; accueil par l'échevin ; dîner de bienvenue.
Vendredi 13 mars : état civil et recette communale ; séance de travail sur le budget.
Samedi 14 mars : rencontre avec l'Association des ressortissants de Marsassoum en Belgique.
Lundi 16 mars : comité de pilotage élargi ; point sur les activités de l'année.
Mardi 17 mars : visites de terrain annulées (mesures sanitaires) ; séance de travail maintenue.
Mercredi 18 mars : premier jour du confinement ; réunion de clôture en petit comité.
Jeudi 19 mars : départ de la délégation, vol maintenu."""

_PROGRAMME_SUIVI = """\
Jour 1 : vol Bruxelles – Dakar ; nuit à Dakar.
Jour 2 : route vers Ziguinchor puis Marsassoum ; accueil par le maire.
Jour 3 : comité de pilotage local ; revue des comptes avec le service financier.
Jour 4 : visite de la recette municipale équipée ; formation au logiciel comptable.
Jour 5 : groupement de promotion féminine ; associations de personnes handicapées.
Jour 6 : forum communal sur le budget participatif.
Jour 7 : séance de restitution ; relevé des décisions signé.
Jour 8 : retour vers Dakar et vol de nuit."""

MISSIONS: list[Row] = [
    {"key": "m_visite2020", "partnership": "marsassoum",
     "title": "Visite de la délégation de Marsassoum à Anderlecht", "direction": "incoming",
     "destination_city": "Anderlecht", "destination_country": "BE",
     "start_date": "2020-03-12", "end_date": "2020-03-19", "status": "done",
     "purpose": "Rencontrer le comité de pilotage, découvrir les services communaux (état "
                "civil, finances, cohésion sociale) et préparer le programme de l'année.",
     "programme": _PROGRAMME_2020,
     "outcomes": "Plan d'action validé malgré la crise sanitaire ; la délégation était chez "
                 "nous aux premiers jours du confinement.",
     "follow_up": "Réunions mensuelles par visioconférence ; échanges par courriel.",
     "participants": [("mandiang", None, "partner"), ("badji", None, "partner"),
                      ("diedhiou", None, "partner"), ("milquet", None, "elected"),
                      ("marie", None, "staff"), ("wauters", None, "staff"),
                      ("vandenbroucke", None, "citizen")]},
    {"key": "m_grenoble", "partnership": "marsassoum",
     "title": "Remise des PLATFORMAwards 2022 à Grenoble", "direction": "outgoing",
     "destination_city": "Grenoble", "destination_country": "FR",
     "start_date": "2022-12-05", "end_date": "2022-12-07", "status": "done",
     "purpose": "Recevoir le premier prix des PLATFORMAwards 2022 ; réseauter lors des "
                "48 heures de la transition inclusive et de la conférence de l'OIDP.",
     "programme": "Lundi 5 décembre : train Bruxelles – Grenoble ; accueil des lauréats.\n"
                  "Mardi 6 décembre : remise du prix par l'eurodéputée Pierrette "
                  "Herzberger-Fofana ; interviews.\n"
                  "Mercredi 7 décembre : ateliers de la conférence de l'OIDP ; retour.",
     "outcomes": "Premier prix : aide de 20 000 € de l'Union européenne pour la communication "
                 "et la valorisation ; projet jugé « le plus exemplaire de tous » par le jury.",
     "follow_up": "Préparer la mission de tournage ; proposer Anderlecht comme « municipalité "
                  "conseil ».",
     "participants": [("milquet", None, "elected"), ("marie", None, "staff"),
                      ("mandiang", None, "partner")]},
    {"key": "m_tournage", "partnership": "marsassoum", "project": "p_valorisation",
     "title": "Mission de tournage et de valorisation à Marsassoum", "direction": "outgoing",
     "destination_city": "Marsassoum", "destination_country": "SN",
     "start_date": "2023-11-13", "end_date": "2023-11-22", "status": "done",
     "purpose": "Filmer les projets et interviewer les habitants grâce au prix PLATFORMAwards.",
     "programme": "Lundi 13 novembre : vol Bruxelles – Dakar.\n"
                  "Mardi 14 novembre : route vers Marsassoum ; repérages.\n"
                  "Du 15 au 20 novembre : tournage dans les quartiers et les villages ; "
                  "interviews des habitants, du conseil municipal et des maraîchères.\n"
                  "Mardi 21 novembre : projection des premières images à l'hôtel de ville.\n"
                  "Mercredi 22 novembre : retour.",
     "outcomes": "20 interviews, 600 photos, la matière d'un film de 12 minutes.",
     "follow_up": "Montage, sous-titrage en français et néerlandais, exposition à Anderlecht.",
     "participants": [("milquet", None, "elected"), ("marie", None, "staff"),
                      (None, "Équipe vidéo (2 personnes)", "expert"),
                      ("vandenbroucke", None, "citizen")]},
    {"key": "m_suivi", "partnership": "marsassoum", "project": "p_finances",
     "title": "Mission de suivi du programme CIC à Marsassoum", "direction": "outgoing",
     "destination_city": "Marsassoum", "destination_country": "SN",
     "start_date": -190, "end_date": -183, "status": "done",
     "purpose": "Suivre l'équilibre des finances communales et le volet inclusion.",
     "programme": _PROGRAMME_SUIVI,
     "outcomes": "Taux de recouvrement de la taxe municipale en hausse ; logiciel comptable "
                 "en service ; relevé des décisions signé par les deux communes.",
     "follow_up": "Préparer le renouvellement de la convention avant son échéance.",
     "participants": [("verhaegen", None, "elected"), ("marie", None, "staff"),
                      ("wauters", None, "staff")]},
    {"key": "m_next", "partnership": "marsassoum", "project": "p_finances",
     "title": "Mission de suivi et renouvellement de la convention à Marsassoum",
     "direction": "outgoing", "destination_city": "Marsassoum", "destination_country": "SN",
     "start_date": 40, "end_date": 48, "status": "confirmed",
     "purpose": "Signer la nouvelle convention et tenir le comité de pilotage annuel.",
     "programme": _PROGRAMME_SUIVI.replace("relevé des décisions signé",
                                           "signature de la nouvelle convention"),
     "participants": [("verhaegen", None, "elected"), ("marie", None, "staff"),
                      ("vandenbroucke", None, "citizen")]},
    {"key": "m_jeunes", "partnership": "marsassoum", "project": "p_inclusion",
     "title": "Accueil d'un groupe de jeunes de Marsassoum", "direction": "incoming",
     "destination_city": "Anderlecht", "destination_country": "BE",
     "start_date": 130, "end_date": 140, "status": "planned",
     "purpose": "Échange de jeunes : sport, citoyenneté et inclusion.",
     "programme": "Jour 1 : arrivée et accueil dans les familles.\n"
                  "Jours 2 à 4 : ateliers avec les maisons de jeunes d'Anderlecht.\n"
                  "Jour 5 : réception à la maison communale.\n"
                  "Jours 6 à 9 : tournoi inclusif et projet vidéo commun.\n"
                  "Jour 10 : restitution publique et départ.",
     "participants": [("badji", None, "partner"),
                      (None, "Groupe de 6 jeunes de Marsassoum", "youth")]},
    {"key": "m_zagora_explo", "partnership": "zagora", "title": "Mission exploratoire à Zagora",
     "direction": "outgoing", "destination_city": "Zagora", "destination_country": "MA",
     "start_date": -130, "end_date": -125, "status": "done",
     "purpose": "Rencontrer la province et les associations ; vérifier l'intérêt d'un "
                "partenariat social et santé.",
     "programme": "Jour 1 : vol Bruxelles – Marrakech ; route vers Zagora.\n"
                  "Jour 2 : réunion avec la division de l'action sociale de la province.\n"
                  "Jour 3 : visites d'un centre pour personnes handicapées et d'un foyer "
                  "pour personnes âgées.\n"
                  "Jour 4 : rencontre avec les associations ; atelier d'idées.\n"
                  "Jour 5 : synthèse avec la province ; route vers Marrakech.\n"
                  "Jour 6 : retour.",
     "outcomes": "Intérêt confirmé des deux côtés ; thèmes retenus : seniors et handicap.",
     "follow_up": "Rapport au collège ; inviter une délégation de Zagora à Anderlecht.",
     "participants": [("verhaegen", None, "elected"), ("marie", None, "staff"),
                      ("elidrissi", None, "expert")]},
    {"key": "m_zagora_visit", "partnership": "zagora", "project": "p_zagora",
     "title": "Visite d'une délégation de la province de Zagora", "direction": "incoming",
     "destination_city": "Anderlecht", "destination_country": "BE",
     "start_date": 75, "end_date": 81, "status": "planned",
     "purpose": "Montrer comment Anderlecht travaille avec les seniors et les personnes "
                "handicapées ; préparer une convention.",
     "programme": "Jour 1 : arrivée ; accueil par l'échevine.\n"
                  "Jour 2 : visite du service Seniors et d'une résidence-services.\n"
                  "Jour 3 : rencontre du conseil consultatif de la personne handicapée.\n"
                  "Jour 4 : séance de travail sur le diagnostic partagé.\n"
                  "Jour 5 : rencontre avec Brulocalis.\n"
                  "Jours 6 et 7 : synthèse et départ.",
     "participants": [("amziane", None, "partner"), ("benali", None, "partner"),
                      ("elidrissi", None, "expert")]},
    {"key": "m_cloture", "partnership": "tarija",
     "title": "Réunion de clôture du processus de renouveau en Flandre", "direction": "incoming",
     "destination_city": "Brasschaat", "destination_country": "BE",
     "start_date": "2022-11-21", "end_date": "2022-11-22", "status": "done",
     "purpose": "Tirer le bilan du parcours et réfléchir à l'avenir des partenariats, avec "
                "la VVSG, des élus, des fonctionnaires et la société civile.",
     "programme": "Lundi 21 novembre : bilan du processus ; exercice sur l'intérêt commun.\n"
                  "Mardi 22 novembre : attentes mutuelles ; signature du nouvel accord "
                  "Brasschaat – Tarija.",
     "outcomes": "Nouvel accord de coopération Brasschaat – Tarija.",
     "follow_up": "Évaluer l'accord chaque année.",
     "participants": [("gutierrez", None, "partner"), ("vandenbossche", None, "staff"),
                      ("ramirez", None, "expert")]},
    {"key": "m_tarija", "partnership": "tarija", "project": "p_sources",
     "title": "Mission de suivi de la protection des sources à Tarija", "direction": "outgoing",
     "destination_city": "Tarija", "destination_country": "BO",
     "start_date": -300, "end_date": -291, "status": "done",
     "purpose": "Suivre les travaux autour des captages avec les quartiers.",
     "programme": "Jours 1 et 2 : vol Bruxelles – Madrid – Santa Cruz – Tarija.\n"
                  "Jour 3 : réunion avec la direction de l'Environnement et de l'Eau.\n"
                  "Jours 4 et 5 : visite des captages avec les OTB des quartiers.\n"
                  "Jour 6 : atelier participatif ; mesures de l'université.\n"
                  "Jour 7 : restitution publique.\n"
                  "Jours 8 à 10 : retour.",
     "outcomes": "Quatre captages clôturés ; 3 000 plants mis en terre.",
     "follow_up": "Partager les résultats avec le conseil communal de Brasschaat.",
     "participants": [("vandenbossche", None, "staff"), (None, "Koen Peeters", "elected")]},
    {"key": "m_route_odd", "partnership": "herent", "title": "Route des ODD au Guatemala",
     "direction": "outgoing", "destination_city": "Nimlaha'kok", "destination_country": "GT",
     "start_date": "2019-05-06", "end_date": "2019-05-17", "status": "done",
     "purpose": "Présenter le projet, échanger sur l'Agenda 2030 et identifier l'ODD "
                "prioritaire des communautés.",
     "programme": "Du 6 au 8 mai : arrivée et préparation avec la micro-région.\n"
                  "Du 9 au 15 mai : route des ODD, une communauté par jour.\n"
                  "16 et 17 mai : synthèse et retour.",
     "outcomes": "ODD 13 retenu comme objectif commun.",
     "follow_up": "Choisir un projet avec les communautés.",
     "participants": [("janssens", None, "staff"), ("claes", None, "citizen")]},
    {"key": "m_reboisement", "partnership": "herent", "project": "p_reboisement",
     "title": "Mission de plantation à Nimlaha'kok", "direction": "outgoing",
     "destination_city": "Nimlaha'kok", "destination_country": "GT",
     "start_date": -40, "end_date": -31, "status": "cancelled",
     "purpose": "Participer à la saison de plantation.",
     "programme": "Annulée avant le départ.",
     "follow_up": "Annulée : crédits de voyage non votés à temps ; remplacée par une "
                  "visioconférence avec les communautés.",
     "participants": [("janssens", None, "staff"), ("claes", None, "citizen")]},
    {"key": "m_jeunes_nkong", "partnership": "halluin", "project": "p_ecoles",
     "title": "Chantier de jeunes de la MJC à Nkong-Zem", "direction": "outgoing",
     "destination_city": "Nkong-Zem", "destination_country": "CM",
     "start_date": -470, "end_date": -456, "status": "done",
     "purpose": "Chantier de la bibliothèque scolaire et échanges avec les élèves.",
     "programme": "Jour 1 : vol Lille – Paris – Douala.\n"
                  "Jour 2 : route vers Dschang et Nkong-Zem.\n"
                  "Jours 3 à 12 : chantier le matin, ateliers avec les élèves l'après-midi.\n"
                  "Jour 13 : fête de fin de chantier.\n"
                  "Jours 14 et 15 : retour.",
     "outcomes": "Bibliothèque achevée ; correspondance entre quatre classes.",
     "follow_up": "Restitution à la MJC ; certains jeunes rejoignent la commission "
                  "internationale.",
     "participants": [("fellah", None, "staff"), (None, "Inès B.", "youth"),
                      (None, "Yanis K.", "youth"), (None, "Lucas D.", "youth"),
                      (None, "Sarah M.", "youth")]},
    {"key": "m_lalo", "partnership": "lalo", "project": "p_eau_lalo",
     "title": "Mission technique eau potable à Lalo", "direction": "outgoing",
     "destination_city": "Lalo", "destination_country": "BJ",
     "start_date": -400, "end_date": -392, "status": "done",
     "purpose": "Réceptionner le château d'eau et former le comité de gestion.",
     "programme": "Jour 1 : vol Paris – Cotonou.\n"
                  "Jour 2 : route vers Lalo ; accueil par le maire.\n"
                  "Jours 3 et 4 : réception technique du forage et du château d'eau.\n"
                  "Jours 5 et 6 : formation du comité de gestion des bornes-fontaines.\n"
                  "Jour 7 : réunion avec les cofinanceurs.\n"
                  "Jours 8 et 9 : retour.",
     "outcomes": "Ouvrage réceptionné avec réserves ; 12 bornes-fontaines en service.",
     "follow_up": "Lever les réserves ; rapport à l'Agence de l'eau.",
     "participants": [("rochas", None, "staff"),
                      (None, "Technicien eau et assainissement de la CASO", "expert")]},
    {"key": "m_lalo_2009", "partnership": "lalo",
     "title": "Première délégation de la CASO à Lalo", "direction": "outgoing",
     "destination_city": "Lalo", "destination_country": "BJ",
     "start_date": "2009-02-09", "end_date": "2009-02-16", "status": "done",
     "purpose": "Travailler sur deux projets : aménagement urbain et eau potable.",
     "programme": "Du 9 au 11 février : rencontres avec les élus béninois.\n"
                  "Du 12 au 15 février : tour des arrondissements de Lalo.\n"
                  "16 février : retour.",
     "outcomes": "L'eau est retenue comme problème majeur pour tous.",
     "follow_up": "Préparer la convention pluriannuelle 2010-2012.",
     "participants": [("merelle", None, "staff"), ("rochas", None, "staff")]},
    {"key": "m_safi_2009", "partnership": "safi", "project": "p_hotel_safi",
     "title": "Délégation de Safi à Boulogne-sur-Mer", "direction": "incoming",
     "destination_city": "Boulogne-sur-Mer", "destination_country": "FR",
     "start_date": "2009-05-18", "end_date": "2009-05-21", "status": "done",
     "purpose": "Préparer le projet d'école hôtelière avec les lycées boulonnais.",
     "programme": "18 mai : accueil en mairie.\n19 mai : visite des lycées et de Nausicaa.\n"
                  "20 mai : chambre de commerce.\n21 mai : départ.",
     "outcomes": "Intérêt des lycées ; projet trop institutionnel, les habitants absents.",
     "participants": [("alaoui", None, "partner"), ("hingrez", None, "elected")]},
]

# --- budget -----------------------------------------------------------------

# One line per row and per year: amounts for two years ago, last year and this year
# (None: no line that year).
_BUDGET_FIELDS = ("partnership", "project", "kind", "category", "funder", "label", "amounts",
                  "currency")
BUDGET_LINES: list[tuple[Any, ...]] = [
    ("marsassoum", None, "expense", "travel", None, "Billets d'avion Bruxelles – Dakar",
     ("6000", "6500", "7000"), "EUR"),
    ("marsassoum", None, "expense", "accommodation", None, "Hébergement des missions",
     ("1800", "2000", "2200"), "EUR"),
    ("marsassoum", None, "expense", "per_diem", None, "Indemnités journalières",
     ("1200", "1300", "1400"), "EUR"),
    ("marsassoum", "p_finances", "expense", "activities", None,
     "Activités à Marsassoum : finances communales", ("24000", "26000", "27000"), "EUR"),
    ("marsassoum", "p_inclusion", "expense", "activities", None,
     "Activités à Marsassoum : inclusion", ("4000", "4500", "5000"), "EUR"),
    ("marsassoum", "p_finances", "expense", "equipment", None,
     "Matériel informatique et logiciel comptable", ("2000", "1500", "1000"), "EUR"),
    ("marsassoum", None, "expense", "communication", None,
     "Communication et sensibilisation à Anderlecht", ("1500", "1500", "2000"), "EUR"),
    ("marsassoum", None, "expense", "staff_time", None,
     "Temps de travail de la chargée de projet (mi-temps)", ("24000", "24500", "25000"), "EUR"),
    ("marsassoum", None, "income", "grant", "brulocalis",
     "Subvention fédérale CIC (via Brulocalis)", ("30000", "31000", "32000"), "EUR"),
    ("marsassoum", None, "income", "own_funds", None,
     "Fonds propres – budget Solidarité internationale", ("8000", "8000", "8500"), "EUR"),
    ("marsassoum", None, "income", "partner_contribution", "marsassoum",
     "Contribution de la commune de Marsassoum", ("1500000", "1500000", "2000000"), "XOF"),
    ("marsassoum", None, "income", "in_kind", None, "Valorisation du temps de travail communal",
     ("24000", "24500", "25000"), "EUR"),
    ("zagora", None, "expense", "travel", None, "Billets et véhicule pour la mission exploratoire",
     (None, "2500", "2500"), "EUR"),
    ("zagora", None, "expense", "per_diem", None, "Indemnités journalières",
     (None, "600", "600"), "EUR"),
    ("zagora", "p_zagora", "expense", "activities", None, "Accueil de la délégation de Zagora",
     (None, None, "3500"), "EUR"),
    ("zagora", None, "income", "own_funds", None, "Fonds propres – nouveau partenariat",
     (None, "3000", "7500"), "EUR"),
    ("tarija", "p_sources", "expense", "activities", None, "Protection des sources",
     ("20000", "20000", "22000"), "EUR"),
    ("tarija", None, "expense", "travel", None, "Mission de suivi à Tarija",
     ("3000", "3000", "3500"), "EUR"),
    ("tarija", None, "income", "grant", "flandre", "Subvention flamande",
     ("12000", "12000", "12000"), "EUR"),
    ("tarija", None, "income", "own_funds", None, "Fonds propres de Brasschaat",
     ("6000", "6000", "7500"), "EUR"),
    ("tarija", None, "income", "partner_contribution", "tarija",
     "Contribution de la municipalité de Tarija", ("40000", "40000", "45000"), "BOB"),
    ("herent", "p_reboisement", "expense", "activities", None, "Pépinière et reboisement",
     ("8000", "8500", "9000"), "EUR"),
    ("herent", None, "expense", "travel", None, "Mission de plantation",
     (None, "4000", "4000"), "EUR"),
    ("herent", None, "income", "own_funds", None, "Fonds propres de Herent",
     ("8000", "12500", "13000"), "EUR"),
    ("halluin", "p_ecoles", "expense", "activities", None, "Correspondance scolaire",
     ("800", "800", "900"), "EUR"),
    ("halluin", "p_dechets", "expense", "activities", None, "Gestion des déchets avec Tockem",
     ("5000", "5500", "4500"), "EUR"),
    ("halluin", None, "expense", "travel", None, "Chantier de jeunes",
     ("2500", "7000", "2500"), "EUR"),
    ("halluin", None, "income", "grant", "region_hdf", "Appel à projets de la Région",
     ("5000", "6000", "6000"), "EUR"),
    ("halluin", None, "income", "grant", "dept_59", "Soutien du Département du Nord",
     ("2000", "2000", "2000"), "EUR"),
    ("halluin", None, "income", "own_funds", None, "Fonds propres d'Halluin",
     ("4000", "4000", "4500"), "EUR"),
    ("lalo", "p_eau_lalo", "expense", "activities", None, "Travaux d'adduction d'eau potable",
     ("30000", "35000", "25000"), "EUR"),
    ("lalo", None, "expense", "travel", None, "Missions techniques",
     ("4000", "4000", "2000"), "EUR"),
    ("lalo", None, "expense", "staff_time", None, "Temps des techniciens de la CASO",
     ("6000", "6000", "6000"), "EUR"),
    ("lalo", None, "income", "grant", "agence_eau", "Agence de l'eau – 1 % solidaire eau",
     ("20000", "22000", "15000"), "EUR"),
    ("lalo", None, "income", "grant", "grand_lyon", "Métropole de Lyon",
     ("5000", "5000", "5000"), "EUR"),
    ("lalo", None, "income", "grant", "dept_62", "Département du Pas-de-Calais",
     ("3000", "3000", "3000"), "EUR"),
    ("lalo", None, "income", "partner_contribution", "lalo", "Contribution de la commune de Lalo",
     ("3000000", "3000000", "2500000"), "XOF"),
    ("lalo", None, "income", "in_kind", None, "Temps des techniciens de la CASO",
     ("6000", "6000", "6000"), "EUR"),
]
# Lines of a given year (historical facts).
_FIXED_BUDGET_FIELDS = ("year", *(f for f in _BUDGET_FIELDS if f != "amounts"), "amount")
FIXED_BUDGET_LINES: list[tuple[Any, ...]] = [
    (2023, "marsassoum", "p_valorisation", "income", "grant", "ue",
     "Prix PLATFORMAwards 2022 – communication et valorisation", "EUR", "20000"),
    (2023, "marsassoum", "p_valorisation", "expense", "communication", None,
     "Film, exposition et valorisation (prix PLATFORMAwards)", "EUR", "20000"),
]

# --- transactions -----------------------------------------------------------

# Every year of the budget, on the same day: amounts for two years ago, last year and this
# year (None: not that year). A date still to come this year is left out. "{year}" in a
# reference is the year of the transaction.
_YEARLY_FIELDS = ("day", "amounts", "partnership", "kind", "category", "label", "currency",
                  "counterparty", "reference", "organisation", "project")
YEARLY_TRANSACTIONS: list[tuple[Any, ...]] = [
    ((2, 5), ("8000", "8000", "8500"), "marsassoum", "income", "own_funds",
     "Crédit budgétaire communal – Solidarité internationale", "EUR", "Commune d'Anderlecht",
     "Budget {year} art. 160/332-02", "anderlecht_fin", None),
    ((3, 14), ("18000", "18600", "19200"), "marsassoum", "income", "grant",
     "Subvention CIC – avance de 60 %", "EUR", "Brulocalis", "CIC {year}/AND-01",
     "brulocalis", None),
    ((10, 20), ("12000", "12400", "12800"), "marsassoum", "income", "grant",
     "Subvention CIC – solde de 40 %", "EUR", "Brulocalis", "CIC {year}/AND-02",
     "brulocalis", None),
    ((7, 10), ("1500000", "1500000", "2000000"), "marsassoum", "income", "partner_contribution",
     "Contribution de la commune de Marsassoum", "XOF", "Commune de Marsassoum",
     "Reçu MSM-{year}-03", "marsassoum", None),
    ((12, 31), ("24000", "24500", "25000"), "marsassoum", "income", "in_kind",
     "Apport en nature : temps de travail communal", "EUR", "Commune d'Anderlecht",
     "Valorisation RH {year}", "anderlecht_fin", None),
    ((4, 2), ("15000", "16000", "16500"), "marsassoum", "expense", "activities",
     "Transfert à la commune de Marsassoum – 1re tranche", "EUR", "Commune de Marsassoum",
     "OP {year}/045", "marsassoum", "p_finances"),
    ((9, 15), ("7000", "8000", "8500"), "marsassoum", "expense", "activities",
     "Transfert à la commune de Marsassoum – 2e tranche", "EUR", "Commune de Marsassoum",
     "OP {year}/112", "marsassoum", "p_finances"),
    ((5, 20), ("1250000", "850000", "600000"), "marsassoum", "expense", "equipment",
     "Ordinateurs et imprimante pour la recette municipale", "XOF",
     "Informatique Services Ziguinchor SARL", "Facture {year}-017", None, "p_finances"),
    ((6, 12), ("2500000", "2750000", "3000000"), "marsassoum", "expense", "activities",
     "Atelier inclusion : femmes et personnes handicapées", "XOF",
     "Groupement de promotion féminine de Marsassoum", "Facture {year}-031",
     "femmes_marsassoum", "p_inclusion"),
    ((11, 8), ("1800000", "2000000", "2100000"), "marsassoum", "expense", "activities",
     "Forum communal sur le budget participatif", "XOF", "Commune de Marsassoum",
     "OP {year}/131", "marsassoum", "p_finances"),
    ((10, 10), ("950", "1200", "1400"), "marsassoum", "expense", "communication",
     "Exposition à la Semaine de la solidarité internationale", "EUR",
     "Imprimerie Van Meerbeek", "Facture {year}-112", None, None),
    ((3, 31), ("6000", "6125", "6250"), "marsassoum", "expense", "staff_time",
     "Temps de travail de la chargée de projet – 1er trimestre", "EUR",
     "Commune d'Anderlecht – Personnel", "Valorisation RH {year}-T1", None, None),
    ((6, 30), ("6000", "6125", "6250"), "marsassoum", "expense", "staff_time",
     "Temps de travail de la chargée de projet – 2e trimestre", "EUR",
     "Commune d'Anderlecht – Personnel", "Valorisation RH {year}-T2", None, None),
    ((9, 30), ("6000", "6125", "6250"), "marsassoum", "expense", "staff_time",
     "Temps de travail de la chargée de projet – 3e trimestre", "EUR",
     "Commune d'Anderlecht – Personnel", "Valorisation RH {year}-T3", None, None),
    ((12, 31), ("6000", "6125", "6250"), "marsassoum", "expense", "staff_time",
     "Temps de travail de la chargée de projet – 4e trimestre", "EUR",
     "Commune d'Anderlecht – Personnel", "Valorisation RH {year}-T4", None, None),
    ((10, 15), (None, "3000", "7500"), "zagora", "income", "own_funds",
     "Crédit budgétaire – nouveau partenariat Zagora", "EUR", "Commune d'Anderlecht",
     "Budget {year} art. 160/332-05", "anderlecht_fin", None),
    ((2, 15), ("6000", "6000", "7500"), "tarija", "income", "own_funds",
     "Crédit budgétaire de Brasschaat", "EUR", "Commune de Brasschaat", "Budget {year}",
     "brasschaat", None),
    ((3, 1), ("12000", "12000", "12000"), "tarija", "income", "grant",
     "Subvention flamande – coopération communale", "EUR", "Gouvernement flamand",
     "VO/{year}/BRA-3", "flandre", None),
    ((6, 5), ("40000", "40000", "45000"), "tarija", "income", "partner_contribution",
     "Contribution de la municipalité de Tarija", "BOB", "Municipalidad de Tarija",
     "Recibo {year}-TJA-07", "tarija", None),
    ((4, 18), ("15000", "15000", "16000"), "tarija", "expense", "activities",
     "Transfert à Tarija – protection des sources", "EUR", "Municipalidad de Tarija",
     "OP {year}/021", "tarija", "p_sources"),
    ((8, 22), ("37750", "37750", "41525"), "tarija", "expense", "activities",
     "Clôtures et plants autour des captages", "BOB", "Cooperativa Agroforestal de Tarija",
     "Factura {year}-0456", None, "p_sources"),
    ((2, 20), ("8000", "12500", "13000"), "herent", "income", "own_funds",
     "Crédit budgétaire de Herent", "EUR", "Commune de Herent", "Budget {year}", "herent",
     None),
    ((5, 6), ("8000", "8500", "9000"), "herent", "expense", "activities",
     "Transfert à Nimlaha'kok – pépinière et reboisement", "EUR", "Micro-région de Nimlaha'kok",
     "OP {year}/033", "nimlahakok", "p_reboisement"),
    ((1, 25), ("4000", "4000", "4500"), "halluin", "income", "own_funds",
     "Crédit budgétaire d'Halluin", "EUR", "Ville d'Halluin", "Budget {year}", "halluin", None),
    ((3, 20), ("5000", "6000", "6000"), "halluin", "income", "grant",
     "Région Hauts-de-France – appel à projets coopération", "EUR", "Région Hauts-de-France",
     "Arrêté {year}-CD-118", "region_hdf", None),
    ((6, 18), ("2000", "2000", "2000"), "halluin", "income", "grant",
     "Département du Nord – solidarité internationale", "EUR", "Conseil départemental du Nord",
     "Délibération {year}-SI-09", "dept_59", None),
    ((4, 25), ("650", "700", "800"), "halluin", "expense", "activities",
     "Correspondance scolaire : albums photo et envoi", "EUR", "La Poste", "Facture {year}-044",
     None, "p_ecoles"),
    ((10, 3), ("3275000", "3600000", "2950000"), "halluin", "expense", "activities",
     "Bacs de collecte et formation au tri à Nkong-Zem", "XAF", "Association Tockem",
     "Facture {year}-TK-12", "tockem", "p_dechets"),
    ((3, 28), ("20000", "22000", "15000"), "lalo", "income", "grant",
     "Agence de l'eau Artois-Picardie – aide 1 % solidaire eau", "EUR",
     "Agence de l'eau Artois-Picardie", "Convention AEAP {year}-INT-14", "agence_eau", None),
    ((5, 15), ("5000", "5000", "5000"), "lalo", "income", "grant",
     "Métropole de Lyon – solidarité eau", "EUR", "Métropole de Lyon", "ML-{year}-SOL-031",
     "grand_lyon", None),
    ((6, 20), ("3000", "3000", "3000"), "lalo", "income", "grant",
     "Département du Pas-de-Calais – coopération décentralisée", "EUR",
     "Conseil départemental du Pas-de-Calais", "CD62-{year}-077", "dept_62", None),
    ((7, 1), ("3000000", "3000000", "2500000"), "lalo", "income", "partner_contribution",
     "Contribution de la commune de Lalo", "XOF", "Commune de Lalo", "Reçu LAL-{year}-02",
     "lalo", None),
    ((4, 10), ("9838000", "11150000", "7870000"), "lalo", "expense", "activities",
     "Forage et château d'eau – acompte à l'entreprise", "XOF",
     "Entreprise Béninoise de Forages SARL", "Facture {year}-022", None, "p_eau_lalo"),
    ((9, 25), ("9838000", "11150000", "7870000"), "lalo", "expense", "activities",
     "Extension du réseau et bornes-fontaines", "XOF", "Entreprise Béninoise de Forages SARL",
     "Facture {year}-067", None, "p_eau_lalo"),
    ((12, 15), ("6000", "6000", "6000"), "lalo", "expense", "staff_time",
     "Temps des techniciens de la CASO (eau potable)", "EUR", "CASO – Direction de l'eau",
     "Valorisation RH {year}", None, "p_eau_lalo"),
    ((12, 15), ("6000", "6000", "6000"), "lalo", "income", "in_kind",
     "Apport en nature : temps des techniciens de la CASO", "EUR", "CASO",
     "Valorisation {year}", "caso", None),
]

# Spent for a mission, a number of days after (or before) its first day. A date still to
# come is left out (not spent yet).
_MISSION_TX_FIELDS = ("mission", "offset", "kind", "category", "label", "amount", "currency",
                      "counterparty", "reference")
MISSION_TRANSACTIONS: list[tuple[Any, ...]] = [
    ("m_visite2020", -20, "expense", "travel", "Billets d'avion Dakar – Bruxelles (3 personnes)",
     "2850.00", "EUR", "Brussels Airlines", "Facture {year}-009"),
    ("m_visite2020", 0, "expense", "accommodation", "Hôtel – 7 nuits, 3 chambres", "1764.00",
     "EUR", "Hôtel du Parc", "Facture {year}-014"),
    ("m_visite2020", 6, "expense", "travel", "Frais de modification des billets (COVID-19)",
     "420.00", "EUR", "Brussels Airlines", "Facture {year}-016"),
    ("m_grenoble", -14, "expense", "travel", "Billets de train Bruxelles – Grenoble (2 personnes)",
     "486.00", "EUR", "SNCB International", "Facture {year}-151"),
    ("m_grenoble", 0, "expense", "accommodation", "Hôtel à Grenoble – 2 nuits", "392.00", "EUR",
     "Hôtel de l'Europe", "Facture {year}-153"),
    ("m_tournage", -30, "expense", "travel", "Billets d'avion Bruxelles – Dakar (4 personnes)",
     "3480.00", "EUR", "Brussels Airlines", "Facture {year}-088"),
    ("m_tournage", 1, "expense", "communication", "Véhicule et chauffeur pour le tournage",
     "650000", "XOF", "Casamance Transports", "Facture {year}-091"),
    ("m_tournage", 1, "expense", "accommodation", "Campement à Marsassoum – 8 nuits", "1180000",
     "XOF", "Campement du Soungrougrou", "Facture {year}-092"),
    ("m_tournage", 60, "expense", "communication", "Montage du film et sous-titrage", "6500.00",
     "EUR", "Atelier Vidéo Cureghem", "Facture {year}-003"),
    ("m_suivi", -35, "expense", "travel", "Billets d'avion Bruxelles – Dakar (3 personnes)",
     "2790.00", "EUR", "Air Sénégal", "Facture {year}-046"),
    ("m_suivi", 1, "expense", "travel", "Véhicule avec chauffeur Dakar – Marsassoum", "420000",
     "XOF", "Casamance Transports", "Facture {year}-049"),
    ("m_suivi", 1, "expense", "accommodation", "Hébergement à Marsassoum et Ziguinchor",
     "690000", "XOF", "Campement du Soungrougrou", "Facture {year}-050"),
    ("m_suivi", 0, "expense", "per_diem", "Indemnités journalières (3 personnes × 8 jours)",
     "1080.00", "EUR", "Personnel communal", "État de frais {year}-12"),
    ("m_next", -60, "expense", "travel", "Billets d'avion Bruxelles – Dakar (3 personnes)",
     "2940.00", "EUR", "Brussels Airlines", "Facture {year}-102"),
    ("m_next", -45, "expense", "accommodation", "Acompte hébergement à Marsassoum", "250000",
     "XOF", "Campement du Soungrougrou", "Facture {year}-104"),
    ("m_jeunes", -140, "expense", "travel", "Réservation groupe : billets Dakar – Bruxelles",
     "4550.00", "EUR", "Brussels Airlines", "Facture {year}-108"),
    ("m_zagora_explo", -30, "expense", "travel",
     "Billets d'avion Bruxelles – Marrakech (3 personnes)", "1140.00", "EUR", "Royal Air Maroc",
     "Facture {year}-061"),
    ("m_zagora_explo", 0, "expense", "travel", "Location de véhicule Marrakech – Zagora",
     "4200", "MAD", "Atlas Location", "Facture {year}-062"),
    ("m_zagora_explo", 1, "expense", "accommodation", "Hôtel à Zagora – 4 nuits, 3 chambres",
     "6480", "MAD", "Hôtel Palmeraie", "Facture {year}-063"),
    ("m_zagora_explo", 3, "expense", "activities", "Atelier avec les associations : salle et repas",
     "1850", "MAD", "Association Amal Zagora", "Facture {year}-064"),
    ("m_zagora_explo", 5, "expense", "per_diem", "Indemnités journalières (2 personnes × 6 jours)",
     "540.00", "EUR", "Personnel communal", "État de frais {year}-07"),
    ("m_zagora_explo", 6, "expense", "other", "Interprétation arabe–français (4 jours)",
     "600.00", "EUR", "Karim El Idrissi", "Note d'honoraires {year}-02"),
    ("m_zagora_visit", -80, "expense", "accommodation", "Acompte hôtel pour la délégation",
     "450.00", "EUR", "Hôtel du Parc", "Facture {year}-121"),
    ("m_cloture", 0, "expense", "activities", "Salle et repas – réunion de clôture", "820.00",
     "EUR", "Traiteur De Kempen", "Factuur {year}-311"),
    ("m_cloture", 1, "expense", "other", "Interprétation simultanée espagnol–néerlandais",
     "1350.00", "EUR", "Lucía Ramírez Peña", "Factuur {year}-312"),
    ("m_tarija", -25, "expense", "travel", "Billets d'avion Bruxelles – Tarija (2 personnes)",
     "2380.00", "EUR", "Iberia", "Facture {year}-028"),
    ("m_tarija", 2, "expense", "accommodation", "Hôtel à Tarija – 6 nuits", "3960", "BOB",
     "Hotel Los Ceibos", "Factura {year}-1187"),
    ("m_tarija", 3, "expense", "travel", "Véhicule 4x4 vers les captages", "1400", "BOB",
     "Transportes del Sur", "Factura {year}-0932"),
    ("m_tarija", 5, "expense", "activities", "Atelier participatif avec les OTB", "2650", "BOB",
     "Federación de OTB de Tarija", "Factura {year}-0077"),
    ("m_route_odd", -20, "expense", "travel", "Billets d'avion Bruxelles – Guatemala (2 personnes)",
     "2460.00", "EUR", "KLM", "Facture {year}-019"),
    ("m_reboisement", -5, "expense", "other", "Frais d'annulation : assurance et hébergement",
     "180.00", "EUR", "Europ Assistance", "Facture {year}-071"),
    ("m_jeunes_nkong", -40, "expense", "travel", "Billets d'avion Paris – Douala (6 personnes)",
     "5340.00", "EUR", "Air France", "Facture {year}-052"),
    ("m_jeunes_nkong", 1, "expense", "travel", "Transport Douala – Nkong-Zem", "310000", "XAF",
     "Général Voyages", "Facture {year}-055"),
    ("m_jeunes_nkong", 2, "expense", "accommodation", "Centre d'accueil de Nkong-Zem – 12 nuits",
     "1440000", "XAF", "Association Tockem", "Facture {year}-TK-05"),
    ("m_jeunes_nkong", 3, "expense", "activities", "Matériaux pour la bibliothèque scolaire",
     "985000", "XAF", "Quincaillerie de la Ménoua", "Facture {year}-057"),
    ("m_lalo", -20, "expense", "travel", "Billets d'avion Paris – Cotonou (2 personnes)",
     "1860.00", "EUR", "Air France", "Facture {year}-031"),
    ("m_lalo", 1, "expense", "travel", "Location de véhicule Cotonou – Lalo", "350000", "XOF",
     "Bénin Auto Location", "Facture {year}-033"),
    ("m_lalo", 1, "expense", "accommodation", "Hébergement à Lalo – 7 nuits", "490000", "XOF",
     "Auberge du Couffo", "Facture {year}-034"),
]

# Historical transactions at their real date.
_DATED_TX_FIELDS = ("date", "partnership", "project", "kind", "category", "label", "amount",
                    "currency", "counterparty", "reference", "organisation")
DATED_TRANSACTIONS: list[tuple[Any, ...]] = [
    ("2023-04-20", "marsassoum", "p_valorisation", "income", "grant",
     "Prix PLATFORMAwards 2022 – aide de l'Union européenne", "20000.00", "EUR",
     "Union européenne", "PLATFORMA 2023/PA-01", "ue"),
    ("2023-12-15", "marsassoum", "p_valorisation", "expense", "communication",
     "Exposition photo « Marsassoum, ici et là-bas »", "2800.00", "EUR",
     "Imprimerie Van Meerbeek", "Facture 2023-141", None),
    ("2024-03-21", "marsassoum", "p_valorisation", "expense", "communication",
     "Projection publique du film et débat", "1200.00", "EUR", "Espace Carême",
     "Facture 2024-026", None),
]

# --- journal ----------------------------------------------------------------

JOURNAL_ENTRIES: list[Row] = [
    {"key": "j_jette", "date": "2014-02-24", "kind": "meeting",
     "title": "Réunion de Jette sur les partenariats belgo-marocains",
     "context": "Des communes belges (surtout bruxelloises, quelques wallonnes) ont développé "
                "des partenariats avec des communes marocaines, dont certaines sont devenues "
                "des territoires de coresponsabilité avec la démarche SPIRAL au Maroc en 2013. "
                "En Wallonie, les Plans de Cohésion Sociale (depuis 2009) couvrent 181 communes.",
     "decisions": "Les communes bruxelloises sollicitent une formation SPIRAL, ouverte aux "
                  "communes wallonnes et à Pro Senectute Vaud. Promouvoir des partenariats "
                  "entre territoires de coresponsabilité belges et marocains (voire tunisiens), "
                  "pilotes au sein du Réseau Together.",
     "actions": "Organiser la formation la 2e ou 3e semaine de juin ; diffuser le modèle de "
                "référence annexé (échanges de pratiques, tourisme solidaire, partenariats "
                "entre producteurs et consommateurs).",
     "attendees": "Communes bruxelloises et wallonnes partenaires de communes marocaines ; "
                  "Réseau Together ; Pro Senectute Vaud",
     "partnerships": ["zagora", "safi"]},
    {"key": "j_lalo_2009", "date": "2009-02-16", "kind": "visit",
     "title": "Retour de la première délégation à Lalo",
     "context": "Tour des arrondissements de Lalo avec l'agence d'urbanisme.",
     "decisions": "L'eau est le problème majeur : la CASO porte le projet d'eau potable, "
                  "l'agence d'urbanisme l'outil cartographique.",
     "actions": "Solliciter l'Agence de l'eau Artois-Picardie, le Grand Lyon et le Département "
                "du Pas-de-Calais.",
     "attendees": "Franck Merelle, Nicolas Rochas, élus de Lalo",
     "partnerships": ["lalo"]},
    {"key": "j_lille_2009", "date": "2009-12-10", "kind": "meeting",
     "title": "Colloque régional de Lille sur l'action internationale des communes",
     "context": "Journée de Lianes coopération : qui coopère avec qui, cofinancements, "
                "jeunesse, partenariats en veille.",
     "decisions": "La coopération Boulogne-sur-Mer – Safi est en veille : trop "
                  "institutionnelle, il faut remettre les habitants en son cœur.",
     "actions": "Associer les associations de quartier de Boulogne-sur-Mer ; préparer la "
                "Semaine de la solidarité internationale.",
     "attendees": "Marc Desbuquois, Saïd Fellah, Mireille Hingrez, Franck Merelle, "
                  "Nicolas Rochas, François Derisbourg",
     "partnerships": ["safi", "halluin", "lalo"]},
    {"key": "j_visite2020", "date": "2020-03-18", "kind": "visit",
     "title": "Visite de la délégation de Marsassoum et début du confinement",
     "context": "La délégation est arrivée le 12 mars ; le confinement commence le 18.",
     "decisions": "Maintenir le départ prévu le 19 mars ; poursuivre par visioconférence.",
     "actions": "Envoyer le plan d'action validé ; fixer une visioconférence mensuelle.",
     "attendees": "Sény Mandiang, Ousmane Badji, Aïssatou Diédhiou, Julien Milquet, "
                  "Anaïs Marie, Nathalie Wauters",
     "partnerships": ["marsassoum"]},
    {"key": "j_edegem", "date": "2020-06-30", "kind": "note",
     "title": "Fin du partenariat Edegem – San Jerónimo",
     "context": "Fin du programme fédéral en juin 2020 ; les équipes n'étaient plus sur la "
                "même longueur d'onde.",
     "decisions": "Invoquer la clause de sortie prévue dès le départ ; quitter le processus de "
                  "renouveau. La fraternité symbolique demeure.",
     "attendees": "Marleen De Smet",
     "partnerships": ["edegem"]},
    {"key": "j_dialogue1", "date": "2021-06-08", "kind": "meeting",
     "title": "Premier dialogue numérique : ce que « participation » veut dire",
     "context": "Processus de renouveau, phase de déploiement ; interprètes simultanés.",
     "decisions": "Un langage partagé de la participation, propre à chaque partenaire.",
     "actions": "Chaque commune choisit son projet participatif avant le deuxième dialogue.",
     "attendees": "Brasschaat, Tarija, Herent, Nimlaha'kok, Cimic, Contutti ; interprète : "
                  "Lucía Ramírez Peña",
     "partnerships": ["tarija", "herent"]},
    {"key": "j_cloture", "date": "2022-11-22", "kind": "meeting",
     "title": "Clôture du processus de renouveau (deux jours en Flandre)",
     "context": "Bilan du parcours 2019-2022 en présence de la VVSG, d'élus, de fonctionnaires "
                "et de la société civile.",
     "decisions": "Nouvel accord de coopération Brasschaat – Tarija ; coopération thématique "
                  "(eau, agroforesterie, droits de l'enfant) dans le cadre des ODD.",
     "actions": "Demander un budget de fonctionnement permanent pour chaque partenariat.",
     "attendees": "Katrien Van den Bossche, María Fernanda Gutiérrez Vaca, Els Janssens, "
                  "Rigoberto Caal Pop, VVSG",
     "partnerships": ["tarija", "herent"]},
    {"key": "j_platforma", "date": "2022-12-06", "kind": "note",
     "title": "Premier prix des PLATFORMAwards 2022 à Grenoble",
     "context": "Prix remis par l'eurodéputée Pierrette Herzberger-Fofana.",
     "decisions": "Utiliser les 20 000 € de l'Union européenne pour un film, des interviews "
                  "d'habitants et une exposition.",
     "actions": "Préparer la mission de tournage à Marsassoum.",
     "attendees": "Julien Milquet, Anaïs Marie, Sény Mandiang",
     "partnerships": ["marsassoum"]},
    {"key": "j_copil", "date": -40, "kind": "meeting",
     "title": "Comité de pilotage Anderlecht – Marsassoum",
     "context": "Bilan de la mission de suivi ; convention à renouveler dans les prochains "
                "mois ; rapport annuel CIC à remettre à Brulocalis.",
     "decisions": "Proposer au conseil communal le renouvellement de la convention pour cinq "
                  "ans ; signer la nouvelle convention lors de la prochaine mission.",
     "actions": "Envoyer le compte rendu aux membres ; préparer la délibération ; réserver "
                "l'hébergement de la mission.",
     "attendees": "Hélène Verhaegen, Anaïs Marie, Nathalie Wauters, Chantal Vandenbroucke ; "
                  "Aïssatou Diédhiou en visioconférence",
     "partnerships": ["marsassoum"]},
    {"key": "j_zagora_call", "date": -20, "kind": "call",
     "title": "Appel avec la province de Zagora : préparation de la visite",
     "context": "Visite de la délégation dans environ deux mois.",
     "decisions": "Deux participants ; thèmes : seniors et handicap.",
     "actions": "Envoyer les lettres d'invitation pour les visas ; transmettre le programme.",
     "attendees": "Anaïs Marie, يوسف أمزيان, Karim El Idrissi (interprète)",
     "partnerships": ["zagora"]},
]

# --- deadlines --------------------------------------------------------------

# "{year}" and "{last_year}" in a title are this year and last year.
_DEADLINE_FIELDS = ("title", "due_date", "kind", "partnership", "project", "mission",
                    "journal_entry", "done_date", "notes")
DEADLINES: list[tuple[Any, ...]] = [
    ("Rapport narratif et financier CIC {last_year} à remettre à Brulocalis", -12,
     "grant_report", "marsassoum", "p_finances", None, None, None,
     "Joindre les justificatifs des transferts et les états de frais."),
    ("Envoyer le compte rendu du comité de pilotage aux membres", -5, "follow_up",
     "marsassoum", None, None, "j_copil", None, None),
    ("Relancer le comité de jumelage Boulogne-sur-Mer – Safi", -60, "follow_up", "safi", None,
     None, None, None, "Proposer une rencontre avec les associations de quartier."),
    ("Rapport d'exécution {last_year} à l'Agence de l'eau Artois-Picardie", -30,
     "grant_report", "lalo", "p_eau_lalo", None, None, None, None),
    ("Lettres d'invitation pour les visas de la délégation de Zagora", 8, "visa", "zagora",
     None, "m_zagora_visit", "j_zagora_call", None, None),
    ("Réserver l'hébergement et le véhicule pour la mission à Marsassoum", 12, "follow_up",
     "marsassoum", None, "m_next", "j_copil", None, None),
    ("Conseil communal : vote du budget Solidarité internationale", 18, "event", "marsassoum",
     None, None, None, None, None),
    ("Vaccin contre la fièvre jaune et assurance voyage des participants", 20, "other",
     "marsassoum", None, "m_next", None, None, None),
    ("Délibération : renouvellement de la convention Anderlecht – Marsassoum", 25,
     "agreement_renewal", "marsassoum", None, None, "j_copil", None,
     "La convention expire dans deux mois."),
    ("Dépôt des demandes de visa Schengen (Ambassade de Belgique à Rabat)", 30, "visa",
     "zagora", None, "m_zagora_visit", None, None, None),
    ("Transmettre le programme de visite à la province de Zagora", 45, "follow_up", "zagora",
     None, "m_zagora_visit", "j_zagora_call", None, None),
    ("Candidature à l'Agence de l'eau Artois-Picardie (1 % solidaire eau)", 55,
     "grant_application", "lalo", "p_eau_lalo", None, None, None, None),
    ("Évaluation annuelle de l'accord Brasschaat – Tarija", 150, "follow_up", "tarija", None,
     None, None, None, None),
    ("Rapport de la mission exploratoire au collège", -100, "follow_up", "zagora", None,
     "m_zagora_explo", None, -108, None),
    ("Restitution du chantier de jeunes à la MJC", -430, "follow_up", "halluin", "p_ecoles",
     "m_jeunes_nkong", None, -435, None),
    ("Rapport narratif et financier CIC à Brulocalis (exercice précédent)", -377,
     "grant_report", "marsassoum", "p_finances", None, None, -380, None),
    ("Demandes de visa pour la délégation de Marsassoum", "2020-02-14", "visa", "marsassoum",
     None, "m_visite2020", None, "2020-02-10", None),
    ("Rapport final de l'aide PLATFORMAwards à l'Union européenne", "2024-06-30",
     "grant_report", "marsassoum", "p_valorisation", None, None, "2024-06-21", None),
    ("Organiser la formation SPIRAL (2e ou 3e semaine de juin)", "2014-06-13", "follow_up",
     None, None, None, "j_jette", "2014-06-13", None),
]


# --- filling ----------------------------------------------------------------


class _Demo:
    """Ids of what was created, by key, and how many records of each kind."""

    def __init__(self, db: Database, today: dt.date) -> None:
        self.db = db
        self.today = today
        self.years = (today.year - 2, today.year - 1, today.year)
        self.ids: dict[tuple[str, str], int] = {}  # (table, key) -> id
        self.counts = dict.fromkeys(TABLE_ORDER, 0)
        self.missions: dict[str, Row] = {}
        self.budget: dict[tuple[str, int, str, str], list[_Line]] = {}

    def day(self, value: When) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, int):
            return self.today + dt.timedelta(days=value)
        return dt.date.fromisoformat(value)

    def date(self, value: When) -> str | None:
        day = self.day(value)
        return day.isoformat() if day else None

    def ref(self, table: str, key: str | None) -> int | None:
        return self.ids[table, key] if key is not None else None

    def add(self, table: str, values: Row, key: str | None = None) -> int:
        record_id = records.create(self.db, table, values)
        self.counts[table] += 1
        if key is not None:
            assert (table, key) not in self.ids, key
            self.ids[table, key] = record_id
        return record_id

    def budget_line(self, partnership: str, year: int, kind: str, category: str | None,
                    organisation: str | None, project: str | None) -> int | None:
        """The line a transaction belongs to: same funder or project if one fits."""
        lines = self.budget.get((partnership, year, kind, category or ""), [])
        for line_id, funder, line_project in lines:
            if (funder and funder == organisation) or (line_project and line_project == project):
                return line_id
        return lines[0][0] if lines else None


def _rows(fields: Sequence[str], table: Iterable[tuple[Any, ...]]) -> Iterable[Row]:
    return (dict(zip(fields, row, strict=True)) for row in table)


def _money(amount: str, currency: str) -> Row:
    values: Row = {"amount": Decimal(amount), "currency": currency}
    if currency in RATES:
        values["rate"] = RATES[currency]
    return values


def _organisations(demo: _Demo) -> None:
    for row in _rows(_ORG_FIELDS, ORGANISATIONS):
        demo.add("organisations", {k: v for k, v in row.items() if k != "key"}, row["key"])


def _contacts(demo: _Demo) -> None:
    for row in _rows(_CONTACT_FIELDS, CONTACTS):
        key = row.pop("key")
        row["organisation_id"] = demo.ref("organisations", row.pop("organisation"))
        row["legal_basis_date"] = demo.date(row["legal_basis_date"])
        demo.add("contacts", row, key)


def _partnerships(demo: _Demo) -> None:
    dates = ("start_date", "end_date", "agreement_signed_date", "agreement_expiry_date")
    for source in PARTNERSHIPS:
        row = {k: v for k, v in source.items() if k not in ("key", "partner")}
        row["partner_organisation_id"] = demo.ref("organisations", source["partner"])
        for name in dates:
            row[name] = demo.date(row.get(name))
        demo.add("partnerships", row, source["key"])
    for link in _rows(_LINK_FIELDS, PARTNERSHIP_CONTACTS):
        demo.add("partnership_contacts", {
            "partnership_id": demo.ref("partnerships", link["partnership"]),
            "contact_id": demo.ref("contacts", link["contact"]),
            "role": link["role"], "notes": link["notes"],
        })


def _projects(demo: _Demo) -> None:
    for row in _rows(_PROJECT_FIELDS, PROJECTS):
        key = row.pop("key")
        row["partnership_id"] = demo.ref("partnerships", row.pop("partnership"))
        row["start_date"] = demo.date(row["start_date"])
        row["end_date"] = demo.date(row["end_date"])
        demo.add("projects", row, key)


def _missions(demo: _Demo) -> None:
    for source in MISSIONS:
        row = {k: v for k, v in source.items()
               if k not in ("key", "partnership", "project", "participants")}
        row["partnership_id"] = demo.ref("partnerships", source["partnership"])
        row["project_id"] = demo.ref("projects", source.get("project"))
        row["start_date"] = demo.date(source["start_date"])
        row["end_date"] = demo.date(source["end_date"])
        mission_id = demo.add("missions", row, source["key"])
        demo.missions[source["key"]] = source
        for contact, name, category in source["participants"]:
            demo.add("mission_participants", {
                "mission_id": mission_id, "contact_id": demo.ref("contacts", contact), "name": name,
                "category": category,
            })


def _budget_line(demo: _Demo, year: int, row: Row, amount: str) -> None:
    line_id = demo.add("budget_lines", {
        "partnership_id": demo.ref("partnerships", row["partnership"]),
        "project_id": demo.ref("projects", row["project"]),
        "year": year, "kind": row["kind"], "category": row["category"],
        "funder_organisation_id": demo.ref("organisations", row["funder"]),
        "label": row["label"],
        **_money(amount, row["currency"]),
    })
    slot = (row["partnership"], year, row["kind"], row["category"])
    demo.budget.setdefault(slot, []).append((line_id, row["funder"], row["project"]))


def _budget(demo: _Demo) -> None:
    for row in _rows(_BUDGET_FIELDS, BUDGET_LINES):
        for year, amount in zip(demo.years, row["amounts"], strict=True):
            if amount is not None:
                _budget_line(demo, year, row, amount)
    for row in _rows(_FIXED_BUDGET_FIELDS, FIXED_BUDGET_LINES):
        _budget_line(demo, row["year"], row, row["amount"])


def _transaction(demo: _Demo, day: dt.date, row: Row) -> None:
    """One actual expense or receipt; nothing when its date has not come yet."""
    if day > demo.today:
        return
    organisation = row.get("organisation")
    project = row.get("project")
    demo.add("transactions", {
        "date": day.isoformat(), "partnership_id": demo.ref("partnerships", row["partnership"]),
        "project_id": demo.ref("projects", project),
        "mission_id": demo.ref("missions", row.get("mission")),
        "budget_line_id": demo.budget_line(row["partnership"], day.year, row["kind"],
                                           row["category"], organisation, project),
        "kind": row["kind"], "category": row["category"],
        "organisation_id": demo.ref("organisations", organisation), "label": row["label"],
        **_money(row["amount"], row["currency"]),
        "counterparty": row["counterparty"],
        "reference": row["reference"].format(year=day.year),
        "budget_source": (ONE_PERCENT_PROJECTS.get(project or "") if row["kind"] == "expense"
                          else None),
    })


def _transactions(demo: _Demo) -> None:
    for row in _rows(_YEARLY_FIELDS, YEARLY_TRANSACTIONS):
        month, day = row["day"]
        for year, amount in zip(demo.years, row["amounts"], strict=True):
            if amount is not None:
                _transaction(demo, dt.date(year, month, day), {**row, "amount": amount})
    for row in _rows(_MISSION_TX_FIELDS, MISSION_TRANSACTIONS):
        mission = demo.missions[row["mission"]]
        start = demo.day(mission["start_date"])
        assert start is not None
        _transaction(demo, start + dt.timedelta(days=row["offset"]), {
            **row, "partnership": mission["partnership"], "project": mission.get("project"),
        })
    for row in _rows(_DATED_TX_FIELDS, DATED_TRANSACTIONS):
        _transaction(demo, dt.date.fromisoformat(row["date"]), row)


def _journal(demo: _Demo) -> None:
    for source in JOURNAL_ENTRIES:
        row = {k: v for k, v in source.items() if k not in ("key", "partnerships")}
        row["date"] = demo.date(source["date"])
        entry_id = demo.add("journal_entries", row, source["key"])
        for partnership in source["partnerships"]:
            demo.add("journal_entry_partnerships", {
                "journal_entry_id": entry_id,
                "partnership_id": demo.ref("partnerships", partnership),
            })


def _deadlines(demo: _Demo) -> None:
    years = {"year": demo.today.year, "last_year": demo.today.year - 1}
    for row in _rows(_DEADLINE_FIELDS, DEADLINES):
        done_date = demo.date(row["done_date"])
        demo.add("deadlines", {
            "title": row["title"].format(**years), "due_date": demo.date(row["due_date"]),
            "kind": row["kind"], "partnership_id": demo.ref("partnerships", row["partnership"]),
            "project_id": demo.ref("projects", row["project"]),
            "mission_id": demo.ref("missions", row["mission"]),
            "journal_entry_id": demo.ref("journal_entries", row["journal_entry"]),
            "done": done_date is not None, "done_date": done_date, "notes": row["notes"],
        })


def _settings(demo: _Demo) -> None:
    """The municipality of the demo, unless the user already named theirs."""
    if not settings.stored_settings(demo.db).get("municipality_name"):
        name, country = MUNICIPALITY
        settings.put(demo.db, "municipality_name", name)
        settings.put(demo.db, "municipality_country", country)
    if not settings.stored_settings(demo.db).get("iati_org_id"):
        # Invented, like the demo's e-mails: a KBO/BCE number that passes the mod-97 check
        # and belongs to nobody, so that the IATI export works on the demo.
        settings.put(demo.db, "municipality_kbo", "0000.000.097")
        settings.put(demo.db, "iati_org_id", "BE-BCE_KBO-0000000097")
    for year in demo.years:
        settings.put(demo.db, f"oudin_resources_{year}_water", WATER_BUDGET_RESOURCES)


STEPS: tuple[Callable[[_Demo], None], ...] = (
    _organisations, _contacts, _partnerships, _projects, _missions, _budget, _transactions,
    _journal, _deadlines, _settings,
)


def record_count(db: Database) -> int:
    """Records of every kind, those in the trash included."""
    return sum(int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
               for table in TABLE_ORDER)


def fill(db: Database, *, today: dt.date | None = None) -> dict[str, int]:
    """Fill an empty database with the demo data, in one transaction; counts per table."""
    demo = _Demo(db, today or dt.date.today())
    with db.atomic():
        existing = record_count(db)
        if existing:
            raise UserError(_(
                "The demo data can only be added to an empty database; this one already "
                "holds {count} records."
            ).format(count=existing))
        for step in STEPS:
            step(demo)
    return demo.counts

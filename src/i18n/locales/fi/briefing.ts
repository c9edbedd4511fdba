/** Taustatiedot ennen keskustelua. */
export default {
  heading: 'Taustatiedot',
  background: 'Mitä on tapahtunut',
  courseStep: 'Kurssin vaihe {order}',
  customer: 'Asiakkaasi',
  who: 'Kuka asiakas on?',
  needs: 'Mitä hän tarvitsee?',
  expects: 'Mitä hän odottaa?',
  goals: 'Harjoittele tätä',
  facilitator: 'Kouluttajan muistiinpano',
  start: 'Aloita keskustelu',
  back: 'Takaisin tilanteisiin',
  loading: 'Ladataan tilannetta…',
  loadFailed: 'Tilannetta ei voitu ladata: {reason}',
  noBrief: 'Tähän tilanteeseen ei ole taustatietoja. Lue kuvaus ja kuuntele tarkasti.',
  startHint: 'Asiakas alkaa puhua heti, kun aloitat. Anna hänen puhua loppuun.',
};
